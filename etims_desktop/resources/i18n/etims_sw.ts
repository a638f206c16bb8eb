<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw" sourcelanguage="en">
    <context>
        <name>AddDeviceWizard</name>
        <message>
            <source>Add an eTIMS device</source>
            <translation>Ongeza kifaa cha eTIMS</translation>
        </message>
        <message>
            <source>Connect %1</source>
            <translation>Unganisha %1</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Imekamilika</translation>
        </message>
    </context>
    <context>
        <name>BackupActions</name>
        <message>
            <source>Backing up the database…</source>
            <translation>Inatengeneza nakala ya akiba ya data…</translation>
        </message>
        <message>
            <source>Backup made</source>
            <translation>Nakala ya akiba imetengenezwa</translation>
        </message>
        <message>
            <source>The backup was not made</source>
            <translation>Nakala ya akiba haikutengenezwa</translation>
        </message>
        <message>
            <source>The daily backup failed: %1</source>
            <translation>Nakala ya akiba ya kila siku imeshindikana: %1</translation>
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation>Rejesha kutoka nakala ya akiba</translation>
        </message>
        <message>
            <source>etims-desktop backups (*.sqlite3);;All files (*)</source>
            <translation>Nakala za akiba za etims-desktop (*.sqlite3);;Faili zote (*)</translation>
        </message>
        <message>
            <source>Checking the backup…</source>
            <translation>Inakagua nakala ya akiba…</translation>
        </message>
        <message>
            <source>This file cannot be restored</source>
            <translation>Faili hii haiwezi kurejeshwa</translation>
        </message>
        <message>
            <source>Restore it anyway?</source>
            <translation>Uirejeshe hata hivyo?</translation>
        </message>
        <message>
            <source>This backup is older than what KRA signed</source>
            <translation>Nakala hii ni ya zamani kuliko mauzo ambayo KRA imesaini</translation>
        </message>
        <message>
            <source>Restore anyway</source>
            <translation>Rejesha hata hivyo</translation>
        </message>
        <message>
            <source>Replace the data with the backup made %1?

Sales recorded after that are not in it. A copy of the data as it is now is kept in %2. Before sending again, each device asks KRA which eTIMS numbers it already has.</source>
            <translation>Badilisha data kwa nakala ya akiba iliyotengenezwa %1?

Mauzo yaliyorekodiwa baada ya hapo hayamo ndani yake. Nakala ya data ilivyo sasa inawekwa katika %2. Kabla ya kutuma tena, kila kifaa kinauliza KRA ni nambari gani za eTIMS tayari inazo.</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>Urejeshe nakala hii ya akiba?</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Rejesha</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ghairi</translation>
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation>Hakuna kilichorejeshwa.</translation>
        </message>
        <message>
            <source>A sync is running</source>
            <translation>Usawazishaji unaendelea</translation>
        </message>
        <message>
            <source>Nothing was restored. Try again when the sync has finished.</source>
            <translation>Hakuna kilichorejeshwa. Jaribu tena usawazishaji ukimalizika.</translation>
        </message>
        <message>
            <source>The data was restored from %1.

The data as it was is kept in %2.

etims-desktop closes now. Start it again to work with the restored data. CMC keys are not in backups: on a new computer, bring them with 'etims-desktop keys export' and 'keys import'.</source>
            <translation>Data imerejeshwa kutoka %1.

Data ilivyokuwa imewekwa katika %2.

etims-desktop inafungwa sasa. Ifungue tena ili ufanye kazi na data iliyorejeshwa. CMC key hazimo kwenye nakala za akiba: kwenye kompyuta mpya, zilete kwa 'etims-desktop keys export' na 'keys import'.</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>Imerejeshwa</translation>
        </message>
        <message>
            <source>Close etims-desktop and start it again.</source>
            <translation>Funga etims-desktop kisha uifungue tena.</translation>
        </message>
        <message>
            <source>The restore did not happen</source>
            <translation>Urejeshaji haukufanyika</translation>
        </message>
    </context>
    <context>
        <name>BusinessDetailsBox</name>
        <message>
            <source>Business name</source>
            <translation>Jina la biashara</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Anwani</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Simu</translation>
        </message>
        <message>
            <source>Your shop on receipts</source>
            <translation>Duka lako kwenye risiti</translation>
        </message>
        <message>
            <source>Printed at the top of every receipt. Change it later in Settings &gt; Receipt header.</source>
            <translation>Huchapishwa juu ya kila risiti. Ubadilishe baadaye kwenye Mipangilio &gt; Kichwa cha risiti.</translation>
        </message>
        <message>
            <source>e.g. Mama Mboga Traders Ltd</source>
            <translation>k.m. Mama Mboga Traders Ltd</translation>
        </message>
    </context>
    <context>
        <name>BusinessDialog</name>
        <message>
            <source>Business name</source>
            <translation>Jina la biashara</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Anwani</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Simu</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Barua pepe</translation>
        </message>
        <message>
            <source>Message at the bottom</source>
            <translation>Ujumbe wa chini</translation>
        </message>
        <message>
            <source>Receipt header</source>
            <translation>Kichwa cha risiti</translation>
        </message>
        <message>
            <source>The KRA PIN and branch come from the device that signs the sale. Receipts already signed keep the header they were signed with.</source>
            <translation>KRA PIN na tawi vinatoka kwenye kifaa kinachosaini mauzo. Risiti zilizokwisha sainiwa zinabaki na kichwa zilichosainiwa nacho.</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>%1 need your check on KRA's portal</source>
            <translation>%1 yanahitaji uyahakikishe kwenye portal ya KRA</translation>
        </message>
        <message>
            <source>%1 need your fix</source>
            <translation>%1 yanahitaji urekebishe</translation>
        </message>
        <message>
            <source>%1 waiting</source>
            <translation>%1 yanasubiri</translation>
        </message>
        <message>
            <source>%1 waiting since %2</source>
            <translation>%1 yanasubiri tangu %2</translation>
        </message>
        <message>
            <source>(checked %1)</source>
            <translation>(imekaguliwa %1)</translation>
        </message>
        <message>
            <source>No devices to sync.</source>
            <translation>Hakuna kifaa cha kusawazisha.</translation>
        </message>
        <message>
            <source>No devices yet.</source>
            <translation>Bado hakuna kifaa.</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>hitilafu: %1</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>onyo: %1</translation>
        </message>
        <message>
            <source>No items yet. Add one with 'etims-desktop item add'.</source>
            <translation>Bado hakuna bidhaa. Ongeza moja kwa 'etims-desktop item add'.</translation>
        </message>
        <message>
            <source>Queued %1 sale(s); %2 were already imported.</source>
            <translation>Mauzo %1 yamewekwa kwenye foleni; %2 yalikuwa yameshaletwa.</translation>
        </message>
        <message>
            <source>No devices yet. Add one with 'etims-desktop device add'.</source>
            <translation>Bado hakuna kifaa. Ongeza kimoja kwa 'etims-desktop device add'.</translation>
        </message>
        <message>
            <source>No sync has run yet.</source>
            <translation>Bado hakuna usawazishaji uliofanyika.</translation>
        </message>
        <message>
            <source>initialised %1</source>
            <translation>kimeanzishwa %1</translation>
        </message>
        <message>
            <source>not initialised</source>
            <translation>haijaanzishwa na KRA</translation>
        </message>
        <message>
            <source>(retired: records kept, sends nothing)</source>
            <translation>(kimestaafishwa: rekodi zimehifadhiwa, hakitumi chochote)</translation>
        </message>
        <message>
            <source>Sale %1 is marked signed: KRA has it. Its receipt details are to be completed.</source>
            <translation>Mauzo %1 yamewekewa alama ya kusainiwa: KRA inayo. Maelezo ya risiti yake yatakamilishwa.</translation>
        </message>
        <message>
            <source>Sale %1 goes to KRA again with its own eTIMS number %2 at the next sync.</source>
            <translation>Mauzo %1 yanakwenda KRA tena kwa nambari yake ile ile ya eTIMS %2 katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>real-time</source>
            <translation>papo hapo</translation>
        </message>
        <message>
            <source>batch</source>
            <translation>kwa makundi</translation>
        </message>
        <message>
            <source>Exported %1 sale(s) and credit note(s) signed by KRA and %2 purchase(s) KRA recorded, from %3 to %4: %5</source>
            <translation>Mauzo na credit note %1 zilizosainiwa na KRA na manunuzi %2 yaliyorekodiwa na KRA, kuanzia %3 hadi %4, yametolewa: %5</translation>
        </message>
        <message>
            <source>%1 purchase(s) not at KRA yet are listed with their status, in no total: sync, then export again.</source>
            <translation>Manunuzi %1 ambayo bado hayajafika KRA yameorodheshwa pamoja na hali yake, bila kuhesabiwa kwenye jumla: sawazisha, kisha toa tena.</translation>
        </message>
        <message>
            <source>On the command line: put --key-password-stdin before the command and give the key file's password as the first line of stdin, e.g. %1</source>
            <translation>Kwenye mstari wa amri: weka --key-password-stdin kabla ya amri na utoe nenosiri la faili ya key kama mstari wa kwanza wa stdin, kwa mfano %1</translation>
        </message>
        <message>
            <source>--connection gateway needs --consumer-key and --apigee-app-id.</source>
            <translation>--connection gateway inahitaji --consumer-key na --apigee-app-id.</translation>
        </message>
        <message>
            <source>KRA's API gateway accepted the consumer key and secret (%1 ms).</source>
            <translation>API gateway ya KRA imekubali consumer key na secret (ms %1).</translation>
        </message>
        <message>
            <source>Added device %1: %2 (%3, %4).</source>
            <translation>Kifaa %1 kimeongezwa: %2 (%3, %4).</translation>
        </message>
        <message>
            <source>Initialised with KRA: SCU id %1. %2</source>
            <translation>Kimeanzishwa na KRA: SCU id %1. %2</translation>
        </message>
        <message>
            <source>Next: 'etims-desktop device init %1' or 'etims-desktop device key %1'.</source>
            <translation>Hatua inayofuata: 'etims-desktop device init %1' au 'etims-desktop device key %1'.</translation>
        </message>
        <message>
            <source>The CMC key is kept in %1.</source>
            <translation>CMC key imehifadhiwa katika %1.</translation>
        </message>
        <message>
            <source>Initialised %1 with KRA: SCU id %2. %3</source>
            <translation>%1 kimeanzishwa na KRA: SCU id %2. %3</translation>
        </message>
        <message>
            <source>CMC key (not shown): </source>
            <translation>CMC key (haionyeshwi): </translation>
        </message>
        <message>
            <source>Key checked with KRA and saved for %1. %2 KRA status: %3.</source>
            <translation>Key imekaguliwa na KRA na kuhifadhiwa kwa %1. %2 Hali ya KRA: %3.</translation>
        </message>
        <message>
            <source>Key saved WITHOUT a check for %1. %2 KRA status: %3.</source>
            <translation>Key imehifadhiwa BILA kukaguliwa kwa %1. %2 Hali ya KRA: %3.</translation>
        </message>
        <message>
            <source>PASS</source>
            <translation>IMEFAULU</translation>
        </message>
        <message>
            <source>FAIL</source>
            <translation>IMESHINDWA</translation>
        </message>
        <message>
            <source>Gateway credentials tested and saved in the keyring for %1.</source>
            <translation>Vitambulisho vya gateway vimejaribiwa na kuhifadhiwa kwenye keyring kwa %1.</translation>
        </message>
        <message>
            <source>Go-Live check all steps passed. Evidence: %1</source>
            <translation>Ukaguzi wa Go-Live: hatua zote zimefaulu. Ushahidi: %1</translation>
        </message>
        <message>
            <source>Go-Live check some steps failed. Evidence: %1</source>
            <translation>Ukaguzi wa Go-Live: baadhi ya hatua zimeshindwa. Ushahidi: %1</translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1 na %2</translation>
        </message>
        <message>
            <source>nothing was deleted. Run the command again with --yes to delete it.</source>
            <translation>hakuna kilichofutwa. Endesha amri tena pamoja na --yes ili kukifuta.</translation>
        </message>
        <message>
            <source>Delete it? Type 'yes' to delete: </source>
            <translation>Ukifute? Andika 'yes' ili kukifuta: </translation>
        </message>
        <message>
            <source>Nothing was deleted.</source>
            <translation>Hakuna kilichofutwa.</translation>
        </message>
        <message>
            <source>Retired device %1. %2</source>
            <translation>Kifaa %1 kimestaafishwa. %2</translation>
        </message>
        <message>
            <source>Deleted device %1 (%2).</source>
            <translation>Kifaa %1 (%2) kimefutwa.</translation>
        </message>
        <message>
            <source>Backup password: </source>
            <translation>Nenosiri la faili ya akiba: </translation>
        </message>
        <message>
            <source>Same password again: </source>
            <translation>Nenosiri lile lile tena: </translation>
        </message>
        <message>
            <source>The two passwords differ; nothing was written.</source>
            <translation>Manenosiri mawili hayalingani; hakuna kilichoandikwa.</translation>
        </message>
        <message>
            <source>Wrote %1 to %2, encrypted with your password. Keep both safe.</source>
            <translation>%1 zimeandikwa kwenye %2, zimefungwa kwa nenosiri lako. Vitunze vyote viwili salama.</translation>
        </message>
        <message>
            <source>%1 CMC key(s) and the KRA gateway credentials of %2 device(s)</source>
            <translation>CMC key %1 na vitambulisho vya gateway ya KRA vya vifaa %2</translation>
        </message>
        <message>
            <source>%1 CMC key(s)</source>
            <translation>CMC key %1</translation>
        </message>
        <message>
            <source>Imported %1 into %2.</source>
            <translation>%1 zimeingizwa kwenye %2.</translation>
        </message>
        <message>
            <source>The database %1 is damaged (SQLite's check found: %2). Nothing will be sent to KRA until it is restored from a backup.</source>
            <translation>Data %1 imeharibika (ukaguzi wa SQLite umepata: %2). Hakuna kitakachotumwa KRA hadi irejeshwe kutoka nakala ya akiba.</translation>
        </message>
        <message>
            <source>No good backup was found in %1.</source>
            <translation>Hakuna nakala ya akiba nzuri iliyopatikana katika %1.</translation>
        </message>
        <message>
            <source>The newest good backup is %1 (made %2). Restore it with: %3</source>
            <translation>Nakala ya akiba nzuri ya karibuni ni %1 (iliyotengenezwa %2). Irejeshe kwa: %3</translation>
        </message>
        <message>
            <source>there is no database in %1 yet; nothing to back up.</source>
            <translation>bado hakuna data katika %1; hakuna cha kuweka nakala ya akiba.</translation>
        </message>
        <message>
            <source>Nothing was changed. To restore it anyway: %1</source>
            <translation>Hakuna kilichobadilishwa. Ili kuirejesha hata hivyo: %1</translation>
        </message>
        <message>
            <source>the restore did not happen: %1</source>
            <translation>urejeshaji haukufanyika: %1</translation>
        </message>
        <message>
            <source>Restored the database from %1.</source>
            <translation>Data imerejeshwa kutoka %1.</translation>
        </message>
        <message>
            <source>The database as it was is kept in %1.</source>
            <translation>Data kama ilivyokuwa imehifadhiwa katika %1.</translation>
        </message>
        <message>
            <source>Before sending again, each device asks KRA which eTIMS numbers it already has, so none is used twice.</source>
            <translation>Kabla ya kutuma tena, kila kifaa kinauliza KRA nambari za eTIMS ambazo tayari inazo, ili hakuna inayotumika mara mbili.</translation>
        </message>
        <message>
            <source>CMC keys are not in backups: on a new computer, bring them with 'etims-desktop keys import FILE'.</source>
            <translation>CMC key haziko kwenye nakala za akiba: kwenye kompyuta mpya, zilete kwa 'etims-desktop keys import FILE'.</translation>
        </message>
        <message>
            <source>Wrote %1 (%2 page(s))</source>
            <translation>%1 imeandikwa (kurasa %2)</translation>
        </message>
        <message>
            <source>Wrote the ESC/POS receipt to %1</source>
            <translation>Risiti ya ESC/POS imeandikwa kwenye %1</translation>
        </message>
        <message>
            <source>Printed on %1</source>
            <translation>Imechapishwa kwenye %1</translation>
        </message>
        <message>
            <source>not printed: %1 The sale is not affected; print it again later.</source>
            <translation>haijachapishwa: %1 Mauzo hayajaathirika; ichapishe tena baadaye.</translation>
        </message>
        <message>
            <source>%1: the PENDING receipt of sale %2 (%3)</source>
            <translation>%1: risiti INAYOSUBIRI ya mauzo %2 (%3)</translation>
        </message>
        <message>
            <source>%1: a COPY of sale %2 (%3)</source>
            <translation>%1: COPY (nakala) ya mauzo %2 (%3)</translation>
        </message>
        <message>
            <source>%1: the original receipt of sale %2 (%3)</source>
            <translation>%1: risiti halisi ya mauzo %2 (%3)</translation>
        </message>
    </context>
    <context>
        <name>ConnectionPage</name>
        <message>
            <source>Where the device talks to</source>
            <translation>Kifaa kinawasiliana na wapi</translation>
        </message>
        <message>
            <source>Sandbox - KRA's test system, for trying things out</source>
            <translation>Sandbox - mfumo wa majaribio wa KRA, wa kujaribu mambo</translation>
        </message>
        <message>
            <source>Production - real sales, real tax</source>
            <translation>Production - mauzo halisi, kodi halisi</translation>
        </message>
        <message>
            <source>Another address - a test server (for integrators)</source>
            <translation>Anwani nyingine - seva ya majaribio (kwa mafundi wa mifumo)</translation>
        </message>
        <message>
            <source>Sandbox and production are separate registrations with separate keys.</source>
            <translation>Sandbox na production ni usajili tofauti wenye key tofauti.</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Anwani</translation>
        </message>
        <message>
            <source>Path style</source>
            <translation>Mtindo wa njia</translation>
        </message>
        <message>
            <source>Grouped paths (/trnsSales/saveSales) - most VSCU versions</source>
            <translation>Njia za makundi (/trnsSales/saveSales) - matoleo mengi ya VSCU</translation>
        </message>
        <message>
            <source>Single names (/saveTrnsSalesOsdc) - like OSCU</source>
            <translation>Majina moja (/saveTrnsSalesOsdc) - kama OSCU</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Jaribu muunganisho</translation>
        </message>
        <message>
            <source>Which KRA connection did KRA give you?</source>
            <translation>KRA ilikupa muunganisho upi?</translation>
        </message>
        <message>
            <source>KRA's eTIMS API - the usual one</source>
            <translation>eTIMS API ya KRA - wa kawaida</translation>
        </message>
        <message>
            <source>KRA's API gateway - an app on developer.go.ke</source>
            <translation>API gateway ya KRA - app kwenye developer.go.ke</translation>
        </message>
        <message>
            <source>Choose this unless KRA sent you a consumer key and secret.</source>
            <translation>Chagua huu isipokuwa KRA ilikutumia consumer key na secret.</translation>
        </message>
        <message>
            <source>You have an app there with a consumer key and secret (next page).</source>
            <translation>Una app huko yenye consumer key na secret (ukurasa unaofuata).</translation>
        </message>
        <message>
            <source>Tell the app where your VSCU program runs.</source>
            <translation>Iambie programu hii mahali programu yako ya VSCU inapoendeshwa.</translation>
        </message>
        <message>
            <source>Choose KRA's test system or the real one.</source>
            <translation>Chagua mfumo wa majaribio wa KRA au ule halisi.</translation>
        </message>
        <message>
            <source>The computer running KRA's VSCU program and its port (8088 unless you changed it).</source>
            <translation>Kompyuta inayoendesha programu ya VSCU ya KRA na port yake (8088 kama hukuibadilisha).</translation>
        </message>
        <message>
            <source>The full address of the eTIMS API, e.g. %1.</source>
            <translation>Anwani kamili ya eTIMS API, k.m. %1.</translation>
        </message>
        <message>
            <source>Trying to reach it…</source>
            <translation>Inajaribu kuifikia…</translation>
        </message>
    </context>
    <context>
        <name>Core</name>
        <message>
            <source>queued</source>
            <translation>kwenye foleni</translation>
        </message>
        <message>
            <source>sending</source>
            <translation>inatumwa</translation>
        </message>
        <message>
            <source>uncertain - checking with KRA</source>
            <translation>haijulikani - inauliza KRA</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>inasubiri</translation>
        </message>
        <message>
            <source>needs your fix</source>
            <translation>inahitaji urekebishe</translation>
        </message>
        <message>
            <source>needs your check on KRA's portal</source>
            <translation>inahitaji uhakikishe kwenye portal ya KRA</translation>
        </message>
        <message>
            <source>signed</source>
            <translation>imesainiwa</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>imeghairiwa</translation>
        </message>
        <message>
            <source>waiting for internet</source>
            <translation>inasubiri intaneti</translation>
        </message>
        <message>
            <source>waiting for KRA</source>
            <translation>inasubiri KRA</translation>
        </message>
        <message>
            <source>KRA asked us to slow down</source>
            <translation>KRA imeomba tupunguze kasi</translation>
        </message>
        <message>
            <source>waiting for the original sale to be signed</source>
            <translation>inasubiri mauzo ya asili yasainiwe</translation>
        </message>
        <message>
            <source>waiting for the next batch upload</source>
            <translation>inasubiri kundi lijalo kutumwa</translation>
        </message>
        <message>
            <source>not checked yet</source>
            <translation>bado haijakaguliwa</translation>
        </message>
        <message>
            <source>online</source>
            <translation>iko mtandaoni</translation>
        </message>
        <message>
            <source>offline - no connection</source>
            <translation>nje ya mtandao - hakuna muunganisho</translation>
        </message>
        <message>
            <source>not answering</source>
            <translation>haijibu</translation>
        </message>
        <message>
            <source>key rejected by KRA</source>
            <translation>KRA imekataa key</translation>
        </message>
        <message>
            <source>not initialised</source>
            <translation>haijaanzishwa na KRA</translation>
        </message>
        <message>
            <source>VSCU service not running</source>
            <translation>huduma ya VSCU haiendeshwi</translation>
        </message>
        <message>
            <source>error</source>
            <translation>hitilafu</translation>
        </message>
        <message>
            <source>KRA did not accept the request.</source>
            <translation>KRA haikukubali ombi.</translation>
        </message>
        <message>
            <source>Try again later. If it keeps happening, contact support.</source>
            <translation>Jaribu tena baadaye. Ikiendelea kutokea, wasiliana na msaada.</translation>
        </message>
        <message>
            <source>KRA refused the request.</source>
            <translation>KRA imekataa ombi.</translation>
        </message>
        <message>
            <source>Correct what KRA names, then send it again.</source>
            <translation>Rekebisha kile KRA inachotaja, kisha utume tena.</translation>
        </message>
        <message>
            <source>KRA expected a different invoice number.</source>
            <translation>KRA ilitarajia nambari nyingine ya ankara.</translation>
        </message>
        <message>
            <source>Nothing to do: the app checks with KRA which numbers it has before sending again.</source>
            <translation>Hakuna cha kufanya: programu inauliza KRA ina nambari zipi kabla ya kutuma tena.</translation>
        </message>
        <message>
            <source>KRA already has this sale.</source>
            <translation>KRA tayari ina mauzo haya.</translation>
        </message>
        <message>
            <source>Nothing to do: the app fetches the receipt KRA already signed.</source>
            <translation>Hakuna cha kufanya: programu inachukua risiti ambayo KRA tayari imesaini.</translation>
        </message>
        <message>
            <source>KRA did not receive this device's PIN, branch or CMC key.</source>
            <translation>KRA haikupokea PIN, tawi au CMC key ya kifaa hiki.</translation>
        </message>
        <message>
            <source>Initialise the device, or enter the CMC key KRA gave you, then try again.</source>
            <translation>Anzisha kifaa na KRA, au weka CMC key uliyopewa na KRA, kisha ujaribu tena.</translation>
        </message>
        <message>
            <source>KRA does not recognise this device: check the PIN, branch and serial you were approved for, and sandbox vs production.</source>
            <translation>KRA haikitambui kifaa hiki: kagua PIN, tawi na nambari ya serial uliyoidhinishiwa, na kama ni sandbox au production.</translation>
        </message>
        <message>
            <source>Compare them with your approval in the eTIMS portal. If they match, ask KRA (timsupport@kra.go.ke).</source>
            <translation>Linganisha na idhini yako kwenye portal ya eTIMS. Vikilingana, uliza KRA (timsupport@kra.go.ke).</translation>
        </message>
        <message>
            <source>KRA says this device is already initialised: its CMC key was issued the first time.</source>
            <translation>KRA inasema kifaa hiki kimeshaanzishwa: CMC key yake ilitolewa mara ya kwanza.</translation>
        </message>
        <message>
            <source>Enter the CMC key and SCU id you received then. If the key is lost, ask KRA to reset the device.</source>
            <translation>Weka CMC key na SCU id ulizopokea wakati huo. Kama key imepotea, omba KRA iweke upya kifaa.</translation>
        </message>
        <message>
            <source>KRA registered this device as the other type (OSCU vs VSCU).</source>
            <translation>KRA ilisajili kifaa hiki kama aina nyingine (OSCU au VSCU).</translation>
        </message>
        <message>
            <source>Choose the type you applied for: an OSCU device talks to KRA directly, a VSCU device to the VSCU service on your computer.</source>
            <translation>Chagua aina uliyoiombea: kifaa cha OSCU huongea na KRA moja kwa moja, kifaa cha VSCU huongea na huduma ya VSCU kwenye kompyuta yako.</translation>
        </message>
        <message>
            <source>KRA's API gateway did not accept this device's consumer key and secret.</source>
            <translation>API gateway ya KRA haikukubali consumer key na secret ya kifaa hiki.</translation>
        </message>
        <message>
            <source>Copy the consumer key and secret again from your app on developer.go.ke (sandbox and production apps have different ones), then test the connection.</source>
            <translation>Nakili tena consumer key na secret kutoka app yako kwenye developer.go.ke (app za sandbox na production zina tofauti), kisha ujaribu muunganisho.</translation>
        </message>
        <message>
            <source>Nothing to do: the app tries again later. If it lasts for hours, contact KRA support.</source>
            <translation>Hakuna cha kufanya: programu inajaribu tena baadaye. Ikidumu kwa masaa, wasiliana na msaada wa KRA.</translation>
        </message>
        <message>
            <source>KRA had an internal error.</source>
            <translation>KRA imepata hitilafu ndani ya mfumo wake.</translation>
        </message>
        <message>
            <source>KRA asked us to slow down (too many requests).</source>
            <translation>KRA imeomba tupunguze kasi (maombi mengi mno).</translation>
        </message>
        <message>
            <source>Nothing to do: the app pauses briefly and goes on by itself.</source>
            <translation>Hakuna cha kufanya: programu inasimama kidogo kisha inaendelea yenyewe.</translation>
        </message>
        <message>
            <source>The VSCU service had an internal error.</source>
            <translation>Huduma ya VSCU imepata hitilafu ndani yake.</translation>
        </message>
        <message>
            <source>Restart the KRA VSCU service. If it keeps happening, check its configuration.</source>
            <translation>Zima kisha uwashe tena huduma ya VSCU ya KRA. Ikiendelea kutokea, kagua mipangilio yake.</translation>
        </message>
        <message>
            <source>KRA answered with a code this program does not know.</source>
            <translation>KRA imejibu kwa code ambayo programu hii haiijui.</translation>
        </message>
        <message>
            <source>Could not connect to KRA.</source>
            <translation>Imeshindwa kuunganisha na KRA.</translation>
        </message>
        <message>
            <source>Check the internet connection. Sales wait safely and go as soon as it is back.</source>
            <translation>Kagua muunganisho wa intaneti. Mauzo yanasubiri salama na yatatumwa mara intaneti ikirudi.</translation>
        </message>
        <message>
            <source>The request was sent but no answer came back.</source>
            <translation>Ombi limetumwa lakini jibu halikurudi.</translation>
        </message>
        <message>
            <source>Nothing to do: the app asks KRA whether it arrived before sending anything again.</source>
            <translation>Hakuna cha kufanya: programu inauliza KRA kama lilifika kabla ya kutuma chochote tena.</translation>
        </message>
        <message>
            <source>KRA answered with an error page instead of data.</source>
            <translation>KRA imejibu kwa ukurasa wa hitilafu badala ya data.</translation>
        </message>
        <message>
            <source>Usually temporary: the app tries again later.</source>
            <translation>Kwa kawaida ni kwa muda tu: programu inajaribu tena baadaye.</translation>
        </message>
        <message>
            <source>KRA's API gateway does not know this address: nothing was processed.</source>
            <translation>API gateway ya KRA haiijui anwani hii: hakuna kilichoshughulikiwa.</translation>
        </message>
        <message>
            <source>Check the device's gateway address (it ends in /etims-oscu/api/v1). If it is right, please report it to support: KRA may have renamed the call.</source>
            <translation>Kagua anwani ya gateway ya kifaa (inaishia na /etims-oscu/api/v1). Kama iko sawa, tafadhali ripoti kwa msaada: huenda KRA imebadilisha jina la ombi.</translation>
        </message>
        <message>
            <source>KRA's answer could not be understood.</source>
            <translation>Jibu la KRA halikueleweka.</translation>
        </message>
        <message>
            <source>Usually temporary: the app tries again later. If it lasts, contact support.</source>
            <translation>Kwa kawaida ni kwa muda tu: programu inajaribu tena baadaye. Ikidumu, wasiliana na msaada.</translation>
        </message>
        <message>
            <source>This is a fault in this program: please report it to support.</source>
            <translation>Hili ni kosa la programu hii: tafadhali liripoti kwa msaada.</translation>
        </message>
        <message>
            <source>The VSCU service could not build its request address to KRA.</source>
            <translation>Huduma ya VSCU imeshindwa kutengeneza anwani ya ombi lake kwa KRA.</translation>
        </message>
        <message>
            <source>The VSCU service could not build its request headers to KRA.</source>
            <translation>Huduma ya VSCU imeshindwa kutengeneza vichwa vya ombi lake kwa KRA.</translation>
        </message>
        <message>
            <source>The VSCU service could not build its request body to KRA.</source>
            <translation>Huduma ya VSCU imeshindwa kutengeneza maudhui ya ombi lake kwa KRA.</translation>
        </message>
        <message>
            <source>The VSCU service could not communicate with KRA.</source>
            <translation>Huduma ya VSCU imeshindwa kuwasiliana na KRA.</translation>
        </message>
        <message>
            <source>Check this computer's internet connection; the VSCU service retries by itself.</source>
            <translation>Kagua muunganisho wa intaneti wa kompyuta hii; huduma ya VSCU inajaribu tena yenyewe.</translation>
        </message>
        <message>
            <source>The VSCU service used a request method KRA does not allow.</source>
            <translation>Huduma ya VSCU imetumia njia ya ombi ambayo KRA hairuhusu.</translation>
        </message>
        <message>
            <source>The VSCU service got an unexpected request status from KRA.</source>
            <translation>Huduma ya VSCU imepata hali ya ombi isiyotarajiwa kutoka KRA.</translation>
        </message>
        <message>
            <source>The VSCU service reported a client error ({message}).</source>
            <translation>Huduma ya VSCU imeripoti hitilafu ({message}).</translation>
        </message>
        <message>
            <source>The app checks whether the sale already arrived, then tries again. If it lasts, restart the VSCU service.</source>
            <translation>Programu inakagua kama mauzo yalikwisha fika, kisha inajaribu tena. Ikidumu, zima kisha uwashe tena huduma ya VSCU.</translation>
        </message>
        <message>
            <source>KRA refused it because a field is missing or wrong: {message}</source>
            <translation>KRA imeyakataa kwa sababu sehemu moja haipo au si sahihi: {message}</translation>
        </message>
        <message>
            <source>KRA received an empty request.</source>
            <translation>KRA imepokea ombi tupu.</translation>
        </message>
        <message>
            <source>KRA does not offer this request at this address ({message}).</source>
            <translation>KRA haitoi ombi hili kwenye anwani hii ({message}).</translation>
        </message>
        <message>
            <source>Check the device's address and its path style (classic OSCU names or VSCU paths).</source>
            <translation>Kagua anwani ya kifaa na mtindo wa njia zake (majina ya kawaida ya OSCU au njia za VSCU).</translation>
        </message>
        <message>
            <source>KRA refused a code that is not in its code list: {message}</source>
            <translation>KRA imekataa code ambayo haimo kwenye orodha yake ya code: {message}</translation>
        </message>
        <message>
            <source>Choose a valid code (for example the packaging or quantity unit), then send it again.</source>
            <translation>Chagua code sahihi (kwa mfano kipimo cha kifurushi au cha idadi), kisha utume tena.</translation>
        </message>
        <message>
            <source>KRA refused this combination of sale type and receipt type ({message}).</source>
            <translation>KRA imekataa mchanganyiko huu wa aina ya mauzo na aina ya risiti ({message}).</translation>
        </message>
        <message>
            <source>Use a normal sale or credit note, then send it again.</source>
            <translation>Tumia mauzo ya kawaida au credit note, kisha utume tena.</translation>
        </message>
        <message>
            <source>KRA says the request body is wrong: {message}</source>
            <translation>KRA inasema maudhui ya ombi si sahihi: {message}</translation>
        </message>
        <message>
            <source>KRA already has this sale: it was declared earlier.</source>
            <translation>KRA tayari ina mauzo haya: yaliripotiwa mapema.</translation>
        </message>
        <message>
            <source>The VSCU service wants the sale itself before its invoice data.</source>
            <translation>Huduma ya VSCU inataka mauzo yenyewe kabla ya data ya ankara yake.</translation>
        </message>
        <message>
            <source>KRA could not save the record (an error on KRA's side).</source>
            <translation>KRA imeshindwa kuhifadhi rekodi (hitilafu upande wa KRA).</translation>
        </message>
        <message>
            <source>KRA could not update the record (an error on KRA's side).</source>
            <translation>KRA imeshindwa kusasisha rekodi (hitilafu upande wa KRA).</translation>
        </message>
        <message>
            <source>KRA could not delete the record (an error on KRA's side).</source>
            <translation>KRA imeshindwa kufuta rekodi (hitilafu upande wa KRA).</translation>
        </message>
        <message>
            <source>KRA already has a record with this number.</source>
            <translation>KRA tayari ina rekodi yenye nambari hii.</translation>
        </message>
        <message>
            <source>KRA has no file to download for this request.</source>
            <translation>KRA haina faili ya kupakua kwa ombi hili.</translation>
        </message>
        <message>
            <source>KRA had an unknown internal error.</source>
            <translation>KRA imepata hitilafu isiyojulikana ndani ya mfumo wake.</translation>
        </message>
        <message>
            <source>KRA answered with code {code}, which this program does not know: {message}</source>
            <translation>KRA imejibu kwa code {code}, ambayo programu hii haiijui: {message}</translation>
        </message>
        <message>
            <source>KRA answered with code {code}, which this program does not know.</source>
            <translation>KRA imejibu kwa code {code}, ambayo programu hii haiijui.</translation>
        </message>
        <message>
            <source>KRA already has invoice number {found}: it expects {expected} next.</source>
            <translation>KRA tayari ina ankara nambari {found}: inatarajia {expected} ifuatayo.</translation>
        </message>
        <message>
            <source>KRA expected invoice number {expected}, not {found}.</source>
            <translation>KRA ilitarajia ankara nambari {expected}, si {found}.</translation>
        </message>
        <message>
            <source>KRA already has this sale ({message}).</source>
            <translation>KRA tayari ina mauzo haya ({message}).</translation>
        </message>
        <message>
            <source>KRA already has this document ({message}).</source>
            <translation>KRA tayari ina hati hii ({message}).</translation>
        </message>
        <message>
            <source>KRA refused the sale ({message}): its records show too little stock of an item on this sale.</source>
            <translation>KRA imekataa mauzo ({message}): rekodi zake zinaonyesha stoki ya bidhaa moja ya mauzo haya haitoshi.</translation>
        </message>
        <message>
            <source>KRA refused the sale: its records show too little stock of an item on this sale.</source>
            <translation>KRA imekataa mauzo: rekodi zake zinaonyesha stoki ya bidhaa moja ya mauzo haya haitoshi.</translation>
        </message>
        <message>
            <source>Record the stock you received first - a purchase, an import, or an opening stock adjustment (Items tab, 'Adjust stock...') - then Sync and send the sale again.</source>
            <translation>Kwanza rekodi stoki uliyopokea - ununuzi, bidhaa za kuagiza nje, au stoki ya kuanzia (kichupo cha Bidhaa, 'Rekebisha stoki...') - kisha Sawazisha na utume mauzo tena.</translation>
        </message>
        <message>
            <source>Left alone: another etims-desktop on this computer is syncing this device right now.</source>
            <translation>Imeachwa: etims-desktop nyingine kwenye kompyuta hii inasawazisha kifaa hiki sasa hivi.</translation>
        </message>
        <message>
            <source>KRA's answer did not come back: {why}. The app asks KRA before sending again.</source>
            <translation>Jibu la KRA halikurudi: {why}. Programu inauliza KRA kabla ya kutuma tena.</translation>
        </message>
        <message>
            <source>Nothing was sent: {why}.</source>
            <translation>Hakuna kilichotumwa: {why}.</translation>
        </message>
        <message>
            <source>Signed {signed} sales ({already} were already at KRA).</source>
            <translation>Mauzo {signed} yamesainiwa ({already} yalikuwa tayari KRA).</translation>
        </message>
        <message>
            <source>Signed 1 sale.</source>
            <translation>Mauzo 1 yamesainiwa.</translation>
        </message>
        <message>
            <source>Signed {signed} sales.</source>
            <translation>Mauzo {signed} yamesainiwa.</translation>
        </message>
        <message>
            <source>Up to date: nothing was waiting.</source>
            <translation>Yote yamekamilika: hakuna kilichokuwa kinasubiri.</translation>
        </message>
        <message>
            <source>No sale was signed.</source>
            <translation>Hakuna mauzo yaliyosainiwa.</translation>
        </message>
        <message>
            <source>{count} still waiting because {reason}.</source>
            <translation>{count} bado yanasubiri kwa sababu {reason}.</translation>
        </message>
        <message>
            <source>{count} still waiting.</source>
            <translation>{count} bado yanasubiri.</translation>
        </message>
        <message>
            <source>{count} need your fix.</source>
            <translation>{count} yanahitaji urekebishe.</translation>
        </message>
        <message>
            <source>{count} need your check on KRA's portal (KRA's answer left it unclear).</source>
            <translation>{count} yanahitaji uyahakikishe kwenye portal ya KRA (jibu la KRA halikuwa wazi).</translation>
        </message>
        <message>
            <source>up to date</source>
            <translation>yote yamekamilika</translation>
        </message>
        <message>
            <source>all signed</source>
            <translation>yote yamesainiwa</translation>
        </message>
        <message>
            <source>partial</source>
            <translation>baadhi tu</translation>
        </message>
        <message>
            <source>nothing sent</source>
            <translation>hakuna kilichotumwa</translation>
        </message>
        <message>
            <source>needs fix</source>
            <translation>inahitaji marekebisho</translation>
        </message>
        <message>
            <source>synced elsewhere</source>
            <translation>inasawazishwa kwingine</translation>
        </message>
        <message>
            <source>Purchase confirmations sent: {count}.</source>
            <translation>Uthibitisho wa ununuzi uliotumwa: {count}.</translation>
        </message>
        <message>
            <source>Purchase confirmations still waiting: {count}.</source>
            <translation>Uthibitisho wa ununuzi ambao bado unasubiri: {count}.</translation>
        </message>
        <message>
            <source>Purchase confirmations that need your fix: {count}.</source>
            <translation>Uthibitisho wa ununuzi unaohitaji urekebishe: {count}.</translation>
        </message>
        <message>
            <source>Import answers sent: {count}.</source>
            <translation>Majibu ya bidhaa za kuagiza nje yaliyotumwa: {count}.</translation>
        </message>
        <message>
            <source>Import answers still waiting: {count}.</source>
            <translation>Majibu ya bidhaa za kuagiza nje ambayo bado yanasubiri: {count}.</translation>
        </message>
        <message>
            <source>Import answers that need your fix: {count}.</source>
            <translation>Majibu ya bidhaa za kuagiza nje yanayohitaji urekebishe: {count}.</translation>
        </message>
        <message>
            <source>Stock reports sent: {count}.</source>
            <translation>Ripoti za stoki zilizotumwa: {count}.</translation>
        </message>
        <message>
            <source>Stock reports still waiting: {count}.</source>
            <translation>Ripoti za stoki ambazo bado zinasubiri: {count}.</translation>
        </message>
        <message>
            <source>Stock reports that need your fix: {count}.</source>
            <translation>Ripoti za stoki zinazohitaji urekebishe: {count}.</translation>
        </message>
        <message>
            <source>KRA code</source>
            <translation>code ya KRA</translation>
        </message>
        <message>
            <source>KRA has it recorded; it did not send the receipt details again.</source>
            <translation>KRA imeyarekodi; haikutuma tena maelezo ya risiti.</translation>
        </message>
        <message>
            <source>receipt no. %1</source>
            <translation>risiti nambari %1</translation>
        </message>
        <message>
            <source>Nothing answers at {address}.</source>
            <translation>Hakuna kinachojibu kwenye {address}.</translation>
        </message>
        <message>
            <source>Start the KRA VSCU service on that computer (java -jar ...), or correct its address.</source>
            <translation>Washa huduma ya VSCU ya KRA kwenye kompyuta hiyo (java -jar ...), au rekebisha anwani yake.</translation>
        </message>
        <message>
            <source>Could not connect to KRA: no internet connection.</source>
            <translation>Imeshindwa kuunganisha na KRA: hakuna intaneti.</translation>
        </message>
        <message>
            <source>The VSCU service did not answer properly: {problem}</source>
            <translation>Huduma ya VSCU haikujibu ipasavyo: {problem}</translation>
        </message>
        <message>
            <source>KRA did not answer properly: {problem}</source>
            <translation>KRA haikujibu ipasavyo: {problem}</translation>
        </message>
        <message>
            <source>Nothing to do: the app retries by itself.</source>
            <translation>Hakuna cha kufanya: programu inajaribu tena yenyewe.</translation>
        </message>
        <message>
            <source>This device has no CMC key on this computer.</source>
            <translation>Kifaa hiki hakina CMC key kwenye kompyuta hii.</translation>
        </message>
        <message>
            <source>Initialise the device with KRA, or enter the CMC key you were given.</source>
            <translation>Anzisha kifaa na KRA, au weka CMC key uliyopewa.</translation>
        </message>
        <message>
            <source>The keyring did not answer in time (is it locked?).</source>
            <translation>Keyring haikujibu kwa wakati (je, imefungwa?).</translation>
        </message>
        <message>
            <source>Unlock your keyring, then press Sync again.</source>
            <translation>Fungua keyring yako, kisha ubofye Sawazisha tena.</translation>
        </message>
        <message>
            <source>This device is not initialised yet.</source>
            <translation>Kifaa hiki bado hakijaanzishwa na KRA.</translation>
        </message>
        <message>
            <source>Initialise it with KRA, or enter the CMC key and SCU id you were given.</source>
            <translation>Kianzishe na KRA, au weka CMC key na SCU id ulizopewa.</translation>
        </message>
        <message>
            <source>none (no keyring found)</source>
            <translation>hakuna (keyring haikupatikana)</translation>
        </message>
        <message>
            <source>none (keyring disabled)</source>
            <translation>hakuna (keyring imezimwa)</translation>
        </message>
        <message>
            <source>password-protected file</source>
            <translation>faili iliyolindwa kwa nenosiri</translation>
        </message>
        <message>
            <source>unprotected file (keyrings.alt)</source>
            <translation>faili isiyolindwa (keyrings.alt)</translation>
        </message>
        <message>
            <source>encrypted file (keyrings.alt)</source>
            <translation>faili iliyofichwa kwa usimbaji (keyrings.alt)</translation>
        </message>
        <message>
            <source>Unlock your keyring (for example by logging in to the desktop again), then try again.</source>
            <translation>Fungua keyring yako (kwa mfano kwa kuingia tena kwenye kompyuta), kisha ujaribu tena.</translation>
        </message>
        <message>
            <source>The keyring did not answer within {seconds} seconds: it may be locked, or waiting for a password in a window that is not showing.</source>
            <translation>Keyring haikujibu ndani ya sekunde {seconds}: huenda imefungwa, au inasubiri nenosiri kwenye dirisha lisiloonekana.</translation>
        </message>
        <message>
            <source>This computer has no keyring (password store) that etims-desktop can use, so CMC keys cannot be saved safely{reason}.</source>
            <translation>Kompyuta hii haina keyring (hifadhi ya nenosiri) ambayo etims-desktop inaweza kutumia, kwa hiyo CMC key haziwezi kuhifadhiwa salama{reason}.</translation>
        </message>
        <message>
            <source>Choose one: keep the keys for this session only (you enter them again after every restart), or keep them in a password-protected file in the data folder. On Linux, starting GNOME Keyring or KWallet also solves it.</source>
            <translation>Chagua moja: weka key kwa wakati huu tu (utaziandika tena kila unapofungua programu upya), au ziweke kwenye faili iliyolindwa kwa nenosiri ndani ya folda ya data. Kwenye Linux, kuwasha GNOME Keyring au KWallet pia kunatatua hili.</translation>
        </message>
        <message>
            <source>Enter the CMC key exactly as KRA gave it: letters, digits and symbols, without spaces.</source>
            <translation>Weka CMC key sawasawa kama KRA ilivyoitoa: herufi, tarakimu na alama, bila nafasi.</translation>
        </message>
        <message>
            <source>Enter the password of the key file.</source>
            <translation>Weka nenosiri la faili ya key.</translation>
        </message>
        <message>
            <source>Choose a password of at least {count} characters for the key file.</source>
            <translation>Chagua nenosiri lenye herufi {count} au zaidi kwa faili ya key.</translation>
        </message>
        <message>
            <source>That password does not open the key file {file}.</source>
            <translation>Nenosiri hilo halifungui faili ya key {file}.</translation>
        </message>
        <message>
            <source>Type the password you chose when you created it. Without it the keys in the file cannot be read: enter them again or restore a key backup.</source>
            <translation>Andika nenosiri ulilochagua ulipoitengeneza. Bila hilo key zilizo kwenye faili haziwezi kusomwa: ziweke tena au urejeshe nakala ya akiba ya key.</translation>
        </message>
        <message>
            <source>There is no CMC key for {device} ({user}) on this computer.</source>
            <translation>Hakuna CMC key ya {device} ({user}) kwenye kompyuta hii.</translation>
        </message>
        <message>
            <source>Enter the key KRA gave you for this device, or initialise the device again.</source>
            <translation>Weka key uliyopewa na KRA kwa kifaa hiki, au anzisha kifaa na KRA tena.</translation>
        </message>
        <message>
            <source>The keyring ({backend}) is locked, or the request to unlock it was dismissed.</source>
            <translation>Keyring ({backend}) imefungwa, au ombi la kuifungua limekataliwa.</translation>
        </message>
        <message>
            <source>The keyring ({backend}) failed: {detail}.</source>
            <translation>Keyring ({backend}) imeshindwa: {detail}.</translation>
        </message>
        <message>
            <source>Try again; if it keeps failing, restart the computer's keyring or the app.</source>
            <translation>Jaribu tena; ikiendelea kushindwa, washa upya keyring ya kompyuta au programu.</translation>
        </message>
        <message>
            <source>Choose a password of at least {count} characters for the backup.</source>
            <translation>Chagua nenosiri lenye herufi {count} au zaidi kwa nakala ya akiba.</translation>
        </message>
        <message>
            <source>None of these devices has a CMC key on this computer, so there is nothing to back up.</source>
            <translation>Hakuna kifaa kati ya hivi chenye CMC key kwenye kompyuta hii, kwa hiyo hakuna cha kuweka akiba.</translation>
        </message>
        <message>
            <source>Enter or initialise the devices' keys first.</source>
            <translation>Kwanza weka au anzisha key za vifaa.</translation>
        </message>
        <message>
            <source>session only (not saved)</source>
            <translation>wakati huu tu (haijahifadhiwa)</translation>
        </message>
        <message>
            <source>{file} is not a key backup made by etims-desktop, or it is damaged.</source>
            <translation>{file} si nakala ya akiba ya key iliyotengenezwa na etims-desktop, au imeharibika.</translation>
        </message>
        <message>
            <source>Choose the backup file you exported (it is not the database backup).</source>
            <translation>Chagua faili ya akiba uliyoitoa (si nakala ya akiba ya data).</translation>
        </message>
        <message>
            <source>The file {file} could not be read.</source>
            <translation>Faili {file} haikuweza kusomwa.</translation>
        </message>
        <message>
            <source>Check that it exists and that you may open it.</source>
            <translation>Hakikisha ipo na kwamba unaruhusiwa kuifungua.</translation>
        </message>
        <message>
            <source>That password does not open this key backup (or the file was changed).</source>
            <translation>Nenosiri hilo halifungui nakala hii ya akiba ya key (au faili imebadilishwa).</translation>
        </message>
        <message>
            <source>Type the password you chose when you exported the keys.</source>
            <translation>Andika nenosiri ulilochagua ulipotoa key.</translation>
        </message>
        <message>
            <source>this session only (not saved)</source>
            <translation>wakati huu tu (haijahifadhiwa)</translation>
        </message>
        <message>
            <source>{name} ({path})</source>
            <translation>{name} ({path})</translation>
        </message>
        <message>
            <source>none - {problem}</source>
            <translation>hakuna - {problem}</translation>
        </message>
        <message>
            <source>the password-locked key file {path}</source>
            <translation>faili ya key iliyofungwa kwa nenosiri {path}</translation>
        </message>
        <message>
            <source>the keyring ({backend})</source>
            <translation>keyring ({backend})</translation>
        </message>
        <message>
            <source>The CMC keys on this computer are in a password-protected file.</source>
            <translation>CMC key za kompyuta hii ziko kwenye faili iliyolindwa kwa nenosiri.</translation>
        </message>
        <message>
            <source>Enter its password to unlock it.</source>
            <translation>Weka nenosiri lake ili uifungue.</translation>
        </message>
        <message>
            <source>code lists</source>
            <translation>orodha za code</translation>
        </message>
        <message>
            <source>Initialise the device, or verify it</source>
            <translation>Anzisha kifaa, au kihakiki</translation>
        </message>
        <message>
            <source>The device is not ready, so this step was not run.</source>
            <translation>Kifaa hakiko tayari, kwa hiyo hatua hii haikuendeshwa.</translation>
        </message>
        <message>
            <source>Not run: it needs an earlier step, which failed.</source>
            <translation>Haikuendeshwa: inahitaji hatua ya awali, ambayo imeshindwa.</translation>
        </message>
        <message>
            <source>The device was initialised but its CMC key is not on this computer: enter it with 'etims-desktop device key'. It is never initialised twice.</source>
            <translation>Kifaa kilianzishwa lakini CMC key yake haipo kwenye kompyuta hii: iweke kwa 'etims-desktop device key'. Hakianzishwi mara mbili kamwe.</translation>
        </message>
        <message>
            <source>Initialised with KRA: SCU id {scu_id}.</source>
            <translation>Kimeanzishwa na KRA: SCU id {scu_id}.</translation>
        </message>
        <message>
            <source>Already initialised (SCU id {scu_id}): verified, not initialised again.</source>
            <translation>Kilishaanzishwa (SCU id {scu_id}): kimehakikiwa, hakijaanzishwa tena.</translation>
        </message>
        <message>
            <source>{done} But KRA's live check failed: {reason}</source>
            <translation>{done} Lakini ukaguzi wa moja kwa moja wa KRA umeshindwa: {reason}</translation>
        </message>
        <message>
            <source>{done} Live check answered in {ms} ms.</source>
            <translation>{done} Ukaguzi wa moja kwa moja umejibiwa kwa ms {ms}.</translation>
        </message>
        <message>
            <source>KRA sent no {what}.</source>
            <translation>KRA haikutuma {what}.</translation>
        </message>
        <message>
            <source>Received from KRA: {what}, {count}.</source>
            <translation>Zimepokelewa kutoka KRA: {what}, {count}.</translation>
        </message>
        <message>
            <source>code classes</source>
            <translation>aina za misimbo</translation>
        </message>
        <message>
            <source>item classes</source>
            <translation>makundi ya bidhaa</translation>
        </message>
        <message>
            <source>branches</source>
            <translation>matawi</translation>
        </message>
        <message>
            <source>notices</source>
            <translation>matangazo</translation>
        </message>
        <message>
            <source>KRA knows {pin}: {name}.</source>
            <translation>KRA inaifahamu {pin}: {name}.</translation>
        </message>
        <message>
            <source>KRA answered: no record for {pin}.</source>
            <translation>KRA imejibu: hakuna rekodi ya {pin}.</translation>
        </message>
        <message>
            <source>KRA accepted item {code} but does not list it.</source>
            <translation>KRA imekubali bidhaa {code} lakini haiorodheshi.</translation>
        </message>
        <message>
            <source>Item {code} registered and listed ({count} items registered).</source>
            <translation>Bidhaa {code} imesajiliwa na kuorodheshwa (bidhaa {count} zimesajiliwa).</translation>
        </message>
        <message>
            <source>Sale {invoice} signed as invoice {number}, receipt signature {signature}.</source>
            <translation>Mauzo {invoice} yamesainiwa kama ankara {number}, sahihi ya risiti {signature}.</translation>
        </message>
        <message>
            <source>Credit note {invoice} for 1 of 2 signed as invoice {number}.</source>
            <translation>Credit note {invoice} ya 1 kati ya 2 imesainiwa kama ankara {number}.</translation>
        </message>
        <message>
            <source>Opening stock of {item}: {balance}; {sent}</source>
            <translation>Stoki ya kuanzia ya {item}: {balance}; {sent}</translation>
        </message>
        <message>
            <source>{sent} {item} in stock now: {balance}.</source>
            <translation>{sent} {item} kwenye stoki sasa: {balance}.</translation>
        </message>
        <message>
            <source>KRA answered: {count} new suppliers' invoices to this PIN.</source>
            <translation>KRA imejibu: ankara mpya {count} za wasambazaji kwa PIN hii.</translation>
        </message>
        <message>
            <source>KRA answered: {count} new customs import lines.</source>
            <translation>KRA imejibu: mistari mipya {count} ya bidhaa za kuagiza nje (forodha).</translation>
        </message>
        <message>
            <source>Purchase of 1 {item} declared (regTyCd M); {sent}</source>
            <translation>Ununuzi wa {item} 1 umetangazwa (regTyCd M); {sent}</translation>
        </message>
        <message>
            <source>Not sent: {document}: {reason}</source>
            <translation>Haijatumwa: {document}: {reason}</translation>
        </message>
        <message>
            <source>{count} document(s) sent to KRA.</source>
            <translation>Hati {count} zimetumwa KRA.</translation>
        </message>
        <message>
            <source>{count} document(s) sent to KRA (numbers {numbers}).</source>
            <translation>Hati {count} zimetumwa KRA (nambari {numbers}).</translation>
        </message>
        <message>
            <source>KRA has no record of invoice {number}.</source>
            <translation>KRA haina rekodi ya ankara {number}.</translation>
        </message>
        <message>
            <source>KRA's record of invoice {number} has another signature.</source>
            <translation>Rekodi ya KRA ya ankara {number} ina sahihi nyingine.</translation>
        </message>
        <message>
            <source>KRA returned invoice {number} with the same receipt signature.</source>
            <translation>KRA imerudisha ankara {number} ikiwa na sahihi ile ile ya risiti.</translation>
        </message>
        <message>
            <source>The Go-Live check runs against KRA's sandbox or a simulator, never production: its test sale and credit note would be real ones.</source>
            <translation>Ukaguzi wa Go-Live unaendeshwa kwenye sandbox ya KRA au kifaa cha mazoezi, kamwe si production: mauzo yake ya majaribio na credit note yangekuwa ya kweli.</translation>
        </message>
        <message>
            <source>Not signed: {reason}</source>
            <translation>Hayajasainiwa: {reason}</translation>
        </message>
        <message>
            <source>Code lists (selectCodeList)</source>
            <translation>Orodha za misimbo (selectCodeList)</translation>
        </message>
        <message>
            <source>Item classes (selectItemClsList)</source>
            <translation>Aina za bidhaa (selectItemClsList)</translation>
        </message>
        <message>
            <source>Branches (selectBhfList)</source>
            <translation>Matawi (selectBhfList)</translation>
        </message>
        <message>
            <source>Notices (selectNoticeList)</source>
            <translation>Matangazo (selectNoticeList)</translation>
        </message>
        <message>
            <source>Taxpayer lookup (selectCustomer)</source>
            <translation>Kumtafuta mlipa kodi (selectCustomer)</translation>
        </message>
        <message>
            <source>Register an item (saveItem) and list it (selectItemList)</source>
            <translation>Sajili bidhaa (saveItem) na uiorodheshe (selectItemList)</translation>
        </message>
        <message>
            <source>Opening stock (insertStockIO, saveStockMaster)</source>
            <translation>Stoki ya kuanzia (insertStockIO, saveStockMaster)</translation>
        </message>
        <message>
            <source>Sale signed (saveTrnsSalesOsdc)</source>
            <translation>Mauzo yamesainiwa (saveTrnsSalesOsdc)</translation>
        </message>
        <message>
            <source>Credit note signed</source>
            <translation>Credit note imesainiwa</translation>
        </message>
        <message>
            <source>Stock moved by the sale and the credit note</source>
            <translation>Stoki iliyohamishwa na mauzo na credit note</translation>
        </message>
        <message>
            <source>Invoice lookup (selectInvoiceDetails)</source>
            <translation>Kutafuta ankara (selectInvoiceDetails)</translation>
        </message>
        <message>
            <source>Suppliers' invoices (selectTrnsPurchaseSalesList)</source>
            <translation>Ankara za wasambazaji (selectTrnsPurchaseSalesList)</translation>
        </message>
        <message>
            <source>Customs imports (selectImportItemList)</source>
            <translation>Bidhaa za kuagiza nje (selectImportItemList)</translation>
        </message>
        <message>
            <source>Purchase declared (insertTrnsPurchase)</source>
            <translation>Ununuzi umetangazwa (insertTrnsPurchase)</translation>
        </message>
        <message>
            <source>checking the connection…</source>
            <translation>inakagua muunganisho…</translation>
        </message>
        <message>
            <source>asking KRA about uncertain sales…</source>
            <translation>inauliza KRA kuhusu mauzo yasiyojulikana…</translation>
        </message>
        <message>
            <source>sending…</source>
            <translation>inatuma…</translation>
        </message>
        <message>
            <source>refreshing code lists…</source>
            <translation>inasasisha orodha za code…</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Yanasubiri</translation>
        </message>
        <message>
            <source>Saved here and not yet at KRA. They go by themselves with the next sync or upload.</source>
            <translation>Yamehifadhiwa hapa na bado hayajafika KRA. Yanakwenda yenyewe katika usawazishaji au utumaji ujao.</translation>
        </message>
        <message>
            <source>Uncertain</source>
            <translation>Hayajulikani</translation>
        </message>
        <message>
            <source>Uncertain - checking with KRA: sent, but no answer came back. The app asks KRA whether it has them before sending anything else, so nothing is signed twice.</source>
            <translation>Hayajulikani - inauliza KRA: yametumwa, lakini jibu halikurudi. Programu inauliza KRA kama inayo kabla ya kutuma kitu kingine, ili hakuna kinachosainiwa mara mbili.</translation>
        </message>
        <message>
            <source>Needs your fix</source>
            <translation>Yanahitaji urekebishe</translation>
        </message>
        <message>
            <source>KRA refused these. Correct the cause, then resend - or cancel a sale that did not happen.</source>
            <translation>KRA imeyakataa haya. Rekebisha chanzo, kisha utume tena - au ghairi mauzo ambayo hayakufanyika.</translation>
        </message>
        <message>
            <source>Needs your check</source>
            <translation>Yanahitaji uhakikishe</translation>
        </message>
        <message>
            <source>KRA's answers did not tell whether it has these. Look each eTIMS number up on KRA's portal, then choose 'KRA has it' or 'send again'. Their numbers are never given to other sales.</source>
            <translation>Majibu ya KRA hayakusema kama inayo haya. Tafuta kila nambari ya eTIMS kwenye portal ya KRA, kisha uchague 'KRA inayo' au 'tuma tena'. Nambari zao hazipewi mauzo mengine kamwe.</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Yamesainiwa</translation>
        </message>
        <message>
            <source>Signed by KRA: nothing more to do.</source>
            <translation>Yamesainiwa na KRA: hakuna zaidi cha kufanya.</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Yameghairiwa</translation>
        </message>
        <message>
            <source>Cancelled here; never sent to KRA.</source>
            <translation>Yameghairiwa hapa; hayakutumwa KRA kamwe.</translation>
        </message>
        <message>
            <source>network printer {address}</source>
            <translation>printa ya mtandao {address}</translation>
        </message>
        <message>
            <source>USB printer {address}</source>
            <translation>printa ya USB {address}</translation>
        </message>
        <message>
            <source>serial printer on {port}</source>
            <translation>printa ya serial kwenye {port}</translation>
        </message>
        <message>
            <source>no receipt printer</source>
            <translation>hakuna printa ya risiti</translation>
        </message>
        <message>
            <source>recorded</source>
            <translation>imerekodiwa</translation>
        </message>
        <message>
            <source>sending with eTIMS number {number}</source>
            <translation>inatumwa kwa nambari ya eTIMS {number}</translation>
        </message>
        <message>
            <source>sending again with eTIMS number {number}</source>
            <translation>inatumwa tena kwa nambari ya eTIMS {number}</translation>
        </message>
        <message>
            <source>signed by KRA</source>
            <translation>imesainiwa na KRA</translation>
        </message>
        <message>
            <source>KRA already had this sale (recorded); its receipt details are not available</source>
            <translation>KRA ilikuwa tayari na mauzo haya (yamerekodiwa); maelezo ya risiti yake hayapatikani</translation>
        </message>
        <message>
            <source>cancelled by you</source>
            <translation>umeyaghairi wewe</translation>
        </message>
        <message>
            <source>the CMC key could not be read</source>
            <translation>CMC key haikuweza kusomwa</translation>
        </message>
        <message>
            <source>sent, no usable answer: {problem}</source>
            <translation>yametumwa, hakuna jibu linalotumika: {problem}</translation>
        </message>
        <message>
            <source>KRA's answer was lost - checking with KRA</source>
            <translation>jibu la KRA limepotea - inauliza KRA</translation>
        </message>
        <message>
            <source>still checking with KRA about a sale whose answer was lost</source>
            <translation>bado inauliza KRA kuhusu mauzo ambayo jibu lake lilipotea</translation>
        </message>
        <message>
            <source>asked KRA whether it has eTIMS number {number}: {problem}</source>
            <translation>imeuliza KRA kama ina nambari ya eTIMS {number}: {problem}</translation>
        </message>
        <message>
            <source>waits for number {number} to go first</source>
            <translation>inasubiri nambari {number} itangulie</translation>
        </message>
        <message>
            <source>Use one device per till. Ask support to compare this device's signed sales with KRA's.</source>
            <translation>Tumia kifaa kimoja kwa kila kaunta. Omba msaada ulinganishe mauzo yaliyosainiwa ya kifaa hiki na ya KRA.</translation>
        </message>
        <message>
            <source>KRA's invoice numbers and ours are out of step</source>
            <translation>nambari za ankara za KRA na zetu haziendani</translation>
        </message>
        <message>
            <source>KRA expects eTIMS number {expected} next, but this device's next sale is number {found}: KRA lacks numbers this device has already used.</source>
            <translation>KRA inatarajia nambari ya eTIMS {expected} ifuatayo, lakini mauzo yajayo ya kifaa hiki ni nambari {found}: KRA haina nambari ambazo kifaa hiki kimeshatumia.</translation>
        </message>
        <message>
            <source>KRA's answers do not tell whether it recorded this sale ({problem}). Look up eTIMS number {number} on KRA's eTIMS portal, then choose 'KRA has it' or 'Send again'. Later sales go on with the numbers after it.</source>
            <translation>Majibu ya KRA hayasemi kama imerekodi mauzo haya ({problem}). Tafuta nambari ya eTIMS {number} kwenye portal ya eTIMS ya KRA, kisha uchague 'KRA inayo' au 'Tuma tena'. Mauzo yanayofuata yanaendelea na nambari zinazofuata.</translation>
        </message>
        <message>
            <source>KRA refused to register the item {item}: {problem}</source>
            <translation>KRA imekataa kusajili bidhaa {item}: {problem}</translation>
        </message>
        <message>
            <source>by another till or before this database's last save</source>
            <translation>na kaunta nyingine au kabla ya kuhifadhiwa mara ya mwisho kwa data hii</translation>
        </message>
        <message>
            <source>new</source>
            <translation>mpya</translation>
        </message>
        <message>
            <source>A KRA PIN is a letter A or P, nine digits and a letter, for example P051234567X.</source>
            <translation>KRA PIN ni herufi A au P, tarakimu tisa na herufi moja, kwa mfano P051234567X.</translation>
        </message>
        <message>
            <source>The branch id has exactly two characters, for example 00 for the head office.</source>
            <translation>Nambari ya tawi ina herufi mbili kamili, kwa mfano 00 kwa ofisi kuu.</translation>
        </message>
        <message>
            <source>Enter the device serial number you declared to KRA (1 to 100 characters).</source>
            <translation>Weka nambari ya serial ya kifaa uliyoitaja kwa KRA (herufi 1 hadi 100).</translation>
        </message>
        <message>
            <source>Give the device a name you will recognise, e.g. 'Till 1'.</source>
            <translation>Kipe kifaa jina utakalolitambua, k.m. 'Kaunta 1'.</translation>
        </message>
        <message>
            <source>KRA's API gateway serves OSCU devices only; a VSCU device talks to its own VSCU service.</source>
            <translation>API gateway ya KRA inahudumia vifaa vya OSCU tu; kifaa cha VSCU kinaongea na huduma yake ya VSCU.</translation>
        </message>
        <message>
            <source>Enter the address of the VSCU service, for example http://localhost:8088.</source>
            <translation>Weka anwani ya huduma ya VSCU, kwa mfano http://localhost:8088.</translation>
        </message>
        <message>
            <source>{device} was removed (retired): it records no new sales and no longer syncs. Its signed sales stay in the Sales tab. Choose another device.</source>
            <translation>{device} kimeondolewa (kimestaafishwa): hakirekodi mauzo mapya na hakisawazishi tena. Mauzo yake yaliyosainiwa yanabaki kwenye kichupo cha Mauzo. Chagua kifaa kingine.</translation>
        </message>
        <message>
            <source>Enter the consumer key, the consumer secret and the apigee app id of your app on developer.go.ke.</source>
            <translation>Weka consumer key, consumer secret na apigee app id ya app yako kwenye developer.go.ke.</translation>
        </message>
        <message>
            <source>The price must be more than 0, for example 250.00.</source>
            <translation>Bei lazima iwe zaidi ya 0, kwa mfano 250.00.</translation>
        </message>
        <message>
            <source>A price has at most 2 decimals (cents), for example 249.99.</source>
            <translation>Bei ina desimali 2 tu (senti), kwa mfano 249.99.</translation>
        </message>
        <message>
            <source>Add at least one item to the sale.</source>
            <translation>Ongeza angalau bidhaa moja kwenye mauzo.</translation>
        </message>
        <message>
            <source>A sale can have at most {count} lines. Split it into several sales.</source>
            <translation>Mauzo moja yanaweza kuwa na mistari {count} tu. Yagawe kuwa mauzo kadhaa.</translation>
        </message>
        <message>
            <source>The sale date {date} cannot be right: a sale is dated between 1 January 2000 and today. Check the date (and this computer's clock).</source>
            <translation>Tarehe ya mauzo {date} haiwezi kuwa sahihi: mauzo yana tarehe kati ya 1 Januari 2000 na leo. Kagua tarehe (na saa ya kompyuta hii).</translation>
        </message>
        <message>
            <source>Give the sale an invoice number.</source>
            <translation>Yape mauzo nambari ya ankara.</translation>
        </message>
        <message>
            <source>The invoice number is too long: at most {count} characters.</source>
            <translation>Nambari ya ankara ni ndefu mno: herufi {count} tu.</translation>
        </message>
        <message>
            <source>The sale time has no time zone, so it could be sent to KRA with the wrong date.</source>
            <translation>Saa ya mauzo haina saa za eneo, kwa hiyo yangeweza kutumwa KRA na tarehe isiyo sahihi.</translation>
        </message>
        <message>
            <source>The buyer's PIN is not valid. {problem} Leave it empty for a walk-in customer.</source>
            <translation>PIN ya mnunuzi si sahihi. {problem} Iache tupu kwa mteja wa kawaida.</translation>
        </message>
        <message>
            <source>The buyer's name is too long for KRA: shorten it to {count} characters.</source>
            <translation>Jina la mnunuzi ni refu mno kwa KRA: lifupishe hadi herufi {count}.</translation>
        </message>
        <message>
            <source>Choose how the customer paid: {choices}.</source>
            <translation>Chagua jinsi mteja alivyolipa: {choices}.</translation>
        </message>
        <message>
            <source>The remark is too long: at most {count} characters.</source>
            <translation>Maelezo ni marefu mno: herufi {count} tu.</translation>
        </message>
        <message>
            <source>Line {line}: choose an item.</source>
            <translation>Mstari {line}: chagua bidhaa.</translation>
        </message>
        <message>
            <source>Line {line}: the item {code} is not in your item list. Add it (it is registered with KRA), then record the sale again.</source>
            <translation>Mstari {line}: bidhaa {code} haimo kwenye orodha yako ya bidhaa. Iongeze (inasajiliwa na KRA), kisha urekodi mauzo tena.</translation>
        </message>
        <message>
            <source>Line {line}: {item} is registered with tax type {registered}, not {given}. Use the item's tax type, or correct the item first.</source>
            <translation>Mstari {line}: {item} imesajiliwa na aina ya kodi {registered}, si {given}. Tumia aina ya kodi ya bidhaa, au kwanza urekebishe bidhaa.</translation>
        </message>
        <message>
            <source>Line {line}: the item needs a description.</source>
            <translation>Mstari {line}: bidhaa inahitaji maelezo.</translation>
        </message>
        <message>
            <source>Line {line}: the description is too long: at most {count} characters.</source>
            <translation>Mstari {line}: maelezo ni marefu mno: herufi {count} tu.</translation>
        </message>
        <message>
            <source>Line {line}: the quantity must be more than zero.</source>
            <translation>Mstari {line}: idadi lazima iwe zaidi ya sifuri.</translation>
        </message>
        <message>
            <source>Line {line}: a quantity of {qty} is too large (at most 1,000,000). Check the number.</source>
            <translation>Mstari {line}: idadi ya {qty} ni kubwa mno (isizidi 1,000,000). Kagua nambari.</translation>
        </message>
        <message>
            <source>Line {line}: the quantity can have at most 2 decimal places (for example 1.25).</source>
            <translation>Mstari {line}: idadi inaweza kuwa na desimali 2 tu (kwa mfano 1.25).</translation>
        </message>
        <message>
            <source>Line {line}: the price must be more than zero.</source>
            <translation>Mstari {line}: bei lazima iwe zaidi ya sifuri.</translation>
        </message>
        <message>
            <source>Line {line}: a price of {price} is too large (at most 100,000,000). Check the number.</source>
            <translation>Mstari {line}: bei ya {price} ni kubwa mno (isizidi 100,000,000). Kagua nambari.</translation>
        </message>
        <message>
            <source>Line {line}: the price is in shillings and cents, so at most 2 decimal places.</source>
            <translation>Mstari {line}: bei ni kwa shilingi na senti, kwa hiyo desimali 2 tu.</translation>
        </message>
        <message>
            <source>Line {line}: the discount is a percentage from 0 to 100 (for example 12.5).</source>
            <translation>Mstari {line}: punguzo ni asilimia kutoka 0 hadi 100 (kwa mfano 12.5).</translation>
        </message>
        <message>
            <source>A credit note must refer to the sale it corrects. Choose the original sale.</source>
            <translation>Credit note lazima itaje mauzo inayoyarekebisha. Chagua mauzo ya asili.</translation>
        </message>
        <message>
            <source>A credit note corrects a sale, not another credit note. Choose the original sale.</source>
            <translation>Credit note inarekebisha mauzo, si credit note nyingine. Chagua mauzo ya asili.</translation>
        </message>
        <message>
            <source>Choose why you are issuing this credit note (for example 06 Refund or 10 Wrong quantity).</source>
            <translation>Chagua kwa nini unatoa credit note hii (kwa mfano 06 Refund au 10 Wrong quantity).</translation>
        </message>
        <message>
            <source>The buyer PIN must be the same as on the original sale ({pin}): KRA refuses credit notes with another PIN.</source>
            <translation>PIN ya mnunuzi lazima iwe sawa na ya mauzo ya asili ({pin}): KRA inakataa credit note zenye PIN nyingine.</translation>
        </message>
        <message>
            <source>The credit note cannot be dated before the original sale.</source>
            <translation>Credit note haiwezi kuwa na tarehe kabla ya mauzo ya asili.</translation>
        </message>
        <message>
            <source>Line {line}: {item} was not on the original sale, so it cannot be credited.</source>
            <translation>Mstari {line}: {item} haikuwa kwenye mauzo ya asili, kwa hiyo haiwezi kurudishwa.</translation>
        </message>
        <message>
            <source>Line {line}: the price of {item} is higher than on the original sale ({price}). Use the original price.</source>
            <translation>Mstari {line}: bei ya {item} ni kubwa kuliko kwenye mauzo ya asili ({price}). Tumia bei ya asili.</translation>
        </message>
        <message>
            <source>Line {line}: all {sold} of {item} sold have already been credited.</source>
            <translation>Mstari {line}: {item} zote {sold} zilizouzwa zimesharudishwa.</translation>
        </message>
        <message>
            <source>Line {line}: you can credit at most {left} more of {item} ({sold} sold, {before} already credited).</source>
            <translation>Mstari {line}: unaweza kurudisha {item} {left} tu zaidi (zilizouzwa {sold}, zilizorudishwa tayari {before}).</translation>
        </message>
        <message>
            <source>There is no device number {number} (it may have been removed).</source>
            <translation>Hakuna kifaa nambari {number} (huenda kimeondolewa).</translation>
        </message>
        <message>
            <source>There is no sale number {number}.</source>
            <translation>Hakuna mauzo nambari {number}.</translation>
        </message>
        <message>
            <source>There is no item with code {code}.</source>
            <translation>Hakuna bidhaa yenye code {code}.</translation>
        </message>
        <message>
            <source>The disk that holds the database{place} is full, so nothing new could be saved; what was saved before is safe. Free some space on that disk, then try again.</source>
            <translation>Diski yenye data{place} imejaa, kwa hiyo hakuna kipya kilichoweza kuhifadhiwa; kilichohifadhiwa awali kiko salama. Ondoa vitu kwenye diski hiyo upate nafasi, kisha ujaribu tena.</translation>
        </message>
        <message>
            <source>The database{place} cannot be written: the file, its folder or its disk is read-only for this user. Make the data folder writable (or choose another one with --data-dir), then try again.</source>
            <translation>Data{place} haiwezi kuandikwa: faili, folda yake au diski yake ni ya kusoma tu kwa mtumiaji huyu. Ruhusu kuandika kwenye folda ya data (au chagua nyingine kwa --data-dir), kisha ujaribu tena.</translation>
        </message>
        <message>
            <source>The database{place} could not be opened. Check that the data folder exists and that you may write to it.</source>
            <translation>Data{place} haikuweza kufunguliwa. Hakikisha folda ya data ipo na kwamba unaruhusiwa kuiandikia.</translation>
        </message>
        <message>
            <source>The computer could not read or write the database{place} (a disk error). Check the disk, then try again; the backups folder keeps earlier copies.</source>
            <translation>Kompyuta imeshindwa kusoma au kuandika data{place} (hitilafu ya diski). Kagua diski, kisha ujaribu tena; folda ya nakala za akiba ina nakala za awali.</translation>
        </message>
        <message>
            <source>This user may not write to {folder}. Make the data folder writable (or choose another one with --data-dir), then try again.</source>
            <translation>Mtumiaji huyu haruhusiwi kuandika kwenye {folder}. Ruhusu kuandika kwenye folda ya data (au chagua nyingine kwa --data-dir), kisha ujaribu tena.</translation>
        </message>
        <message>
            <source>{device} signed {signed} sale(s) with KRA. Those are tax records: it will be retired, not deleted - hidden from the board, no more sales or syncs, its sales, receipts and history kept (reprint them from the Sales tab).</source>
            <translation>{device} kimesaini mauzo {signed} na KRA. Hizo ni rekodi za kodi: kitastaafishwa, si kufutwa - kitafichwa kwenye orodha ya vifaa, hakitarekodi mauzo wala kusawazisha tena, na mauzo, risiti na historia yake vitahifadhiwa (vichapishe tena kutoka kichupo cha Mauzo).</translation>
        </message>
        <message>
            <source>{device} has no sale signed by KRA. It will be deleted from this computer, with its sync history and its CMC key in the keyring. This cannot be undone.</source>
            <translation>{device} hakina mauzo yaliyosainiwa na KRA. Kitafutwa kwenye kompyuta hii, pamoja na historia yake ya usawazishaji na CMC key yake kwenye keyring. Hili haliwezi kurudishwa.</translation>
        </message>
        <message>
            <source>{device} has no sale signed by KRA. It will be deleted from this computer and its {cancelled} cancelled sale(s), with its sync history and its CMC key in the keyring. This cannot be undone.</source>
            <translation>{device} hakina mauzo yaliyosainiwa na KRA. Kitafutwa kwenye kompyuta hii pamoja na mauzo yake {cancelled} yaliyoghairiwa, historia yake ya usawazishaji na CMC key yake kwenye keyring. Hili haliwezi kurudishwa.</translation>
        </message>
        <message>
            <source>{device} is already initialised: it has its CMC key on this computer. Initialising it again would not give a new key, and on KRA's API gateway it can break the device.</source>
            <translation>{device} kimeshaanzishwa na KRA: kina CMC key yake kwenye kompyuta hii. Kukianzisha tena hakungetoa key mpya, na kwenye API gateway ya KRA kunaweza kukiharibu.</translation>
        </message>
        <message>
            <source>Nothing was set up yet. Check that KRA's VSCU program is running at {address}, then initialise again.</source>
            <translation>Hakuna kilichowekwa bado. Hakikisha programu ya VSCU ya KRA inaendeshwa kwenye {address}, kisha uanzishe tena.</translation>
        </message>
        <message>
            <source>Nothing was set up yet. Check the internet connection, then initialise again.</source>
            <translation>Hakuna kilichowekwa bado. Kagua muunganisho wa intaneti, kisha uanzishe tena.</translation>
        </message>
        <message>
            <source>{problem} The CMC key was not saved: it can only be checked with KRA through them.</source>
            <translation>{problem} CMC key haikuhifadhiwa: inaweza kukaguliwa na KRA kupitia hivyo tu.</translation>
        </message>
        <message>
            <source>KRA did not accept this CMC key for {user}, so it was not saved.</source>
            <translation>KRA haikukubali CMC key hii ya {user}, kwa hiyo haikuhifadhiwa.</translation>
        </message>
        <message>
            <source>KRA did not accept this CMC key for {user}, so it was not saved. The device keeps the key it had.</source>
            <translation>KRA haikukubali CMC key hii ya {user}, kwa hiyo haikuhifadhiwa. Kifaa kinabaki na key kilichokuwa nayo.</translation>
        </message>
        <message>
            <source>The new key could not be checked because KRA could not be reached ({problem}), so it was not saved.</source>
            <translation>Key mpya haikuweza kukaguliwa kwa sababu KRA haikufikika ({problem}), kwa hiyo haikuhifadhiwa.</translation>
        </message>
        <message>
            <source>The new key could not be checked because KRA could not be reached ({problem}), so it was not saved. The device keeps the key it had.</source>
            <translation>Key mpya haikuweza kukaguliwa kwa sababu KRA haikufikika ({problem}), kwa hiyo haikuhifadhiwa. Kifaa kinabaki na key kilichokuwa nayo.</translation>
        </message>
        <message>
            <source>Something answers at {address}. Next: initialise the device or enter its key.</source>
            <translation>Kuna kinachojibu kwenye {address}. Kisha: anzisha kifaa na KRA au weka key yake.</translation>
        </message>
        <message>
            <source>Nothing to do: it is ready. If its key was lost, use 'Enter an existing key' with the key and SCU id KRA gave you.</source>
            <translation>Hakuna cha kufanya: kiko tayari. Kama key yake imepotea, tumia 'Weka key niliyo nayo tayari' pamoja na key na SCU id ulizopewa na KRA.</translation>
        </message>
        <message>
            <source>KRA says this device is already initialised (perhaps by another program).</source>
            <translation>KRA inasema kifaa hiki kimeshaanzishwa (huenda na programu nyingine).</translation>
        </message>
        <message>
            <source>Enter the CMC key and SCU id you received then, using 'Enter an existing key'.</source>
            <translation>Weka CMC key na SCU id ulizopokea wakati huo, kwa kutumia 'Weka key niliyo nayo tayari'.</translation>
        </message>
        <message>
            <source>The CMC key looks too short: copy it exactly as KRA gave it.</source>
            <translation>CMC key inaonekana fupi mno: inakili sawasawa kama KRA ilivyoitoa.</translation>
        </message>
        <message>
            <source>Enter the SCU id (it starts with KRACU).</source>
            <translation>Weka SCU id (inaanza na KRACU).</translation>
        </message>
        <message>
            <source>Copy the key again exactly as KRA gave it for this PIN, branch and serial (sandbox and production keys differ), then try again.</source>
            <translation>Nakili key tena sawasawa kama KRA ilivyoitoa kwa PIN, tawi na serial hii (key za sandbox na production ni tofauti), kisha ujaribu tena.</translation>
        </message>
        <message>
            <source>Try again when KRA can be reached.</source>
            <translation>Jaribu tena KRA ikifikika.</translation>
        </message>
        <message>
            <source>Check the address and that KRA's VSCU program can be reached from this computer (is the VSCU program running?).</source>
            <translation>Kagua anwani na kwamba programu ya VSCU ya KRA inafikika kutoka kompyuta hii (je, programu ya VSCU inaendeshwa?).</translation>
        </message>
        <message>
            <source>Check the address and that KRA can be reached from this computer (the internet).</source>
            <translation>Kagua anwani na kwamba KRA inafikika kutoka kompyuta hii (intaneti).</translation>
        </message>
        <message>
            <source>The USB {what} id '{text}' is not a hex number (e.g. 04b8).</source>
            <translation>{what} id ya USB '{text}' si nambari ya hex (k.m. 04b8).</translation>
        </message>
        <message>
            <source>Cannot reach the {printer}. {hint}</source>
            <translation>Haiwezi kufikia {printer}. {hint}</translation>
        </message>
        <message>
            <source>The {printer} is out of paper. Load a new roll, then print again.</source>
            <translation>{printer} imeishiwa karatasi. Weka roli mpya, kisha uchapishe tena.</translation>
        </message>
        <message>
            <source>The {printer} is offline: close its cover, check the paper, then print again.</source>
            <translation>{printer} haiko tayari: funga kifuniko chake, kagua karatasi, kisha uchapishe tena.</translation>
        </message>
        <message>
            <source>The {printer} stopped answering while printing. Check it, then print again from the Sales list.</source>
            <translation>{printer} imeacha kujibu ikichapisha. Ikague, kisha uchapishe tena kutoka orodha ya Mauzo.</translation>
        </message>
        <message>
            <source>Enter the printer's network address in Settings.</source>
            <translation>Weka anwani ya mtandao ya printa kwenye Mipangilio.</translation>
        </message>
        <message>
            <source>Enter the printer's serial port in Settings.</source>
            <translation>Weka serial port ya printa kwenye Mipangilio.</translation>
        </message>
        <message>
            <source>No receipt printer is set up (Settings, Receipt printer).</source>
            <translation>Hakuna printa ya risiti iliyowekwa (Mipangilio, Printa ya risiti).</translation>
        </message>
        <message>
            <source>Check that it is switched on, has paper and is on the same network, and its address.</source>
            <translation>Hakikisha imewashwa, ina karatasi na iko kwenye mtandao ule ule, na anwani yake.</translation>
        </message>
        <message>
            <source>Check the cable and that it is switched on. On Linux the user needs access to the USB device; on Windows the printer needs a WinUSB/libusb driver for raw USB printing.</source>
            <translation>Kagua waya na kwamba imewashwa. Kwenye Linux mtumiaji anahitaji ruhusa ya kifaa cha USB; kwenye Windows printa inahitaji driver ya WinUSB/libusb kwa uchapishaji wa moja kwa moja wa USB.</translation>
        </message>
        <message>
            <source>Check the cable, the port name and that it is switched on.</source>
            <translation>Kagua waya, jina la port na kwamba imewashwa.</translation>
        </message>
        <message>
            <source>write it as 2026-11-24 or 24/11/2026 (day first), with a time if you like: 24/11/2026 14:05</source>
            <translation>iandike kama 2026-11-24 au 24/11/2026 (siku kwanza), na saa ukipenda: 24/11/2026 14:05</translation>
        </message>
        <message>
            <source>date {text} is not a date I can read: {help}</source>
            <translation>tarehe {text} si tarehe ninayoweza kusoma: {help}</translation>
        </message>
        <message>
            <source>{what} '{text}' is not a number.</source>
            <translation>{what} '{text}' si nambari.</translation>
        </message>
        <message>
            <source>{what} must be a normal number.</source>
            <translation>{what} lazima iwe nambari ya kawaida.</translation>
        </message>
        <message>
            <source>item code '{code}' is not in the item master: add the item first.</source>
            <translation>code ya bidhaa '{code}' haimo kwenye orodha ya bidhaa: kwanza ongeza bidhaa.</translation>
        </message>
        <message>
            <source>the header row lacks the column(s): {columns}</source>
            <translation>mstari wa vichwa unakosa safu: {columns}</translation>
        </message>
        <message>
            <source>invoice_no is empty or longer than 50 characters</source>
            <translation>invoice_no ni tupu au ina zaidi ya herufi 50</translation>
        </message>
        <message>
            <source>this is not valid JSON ({error})</source>
            <translation>hii si JSON sahihi ({error})</translation>
        </message>
        <message>
            <source>invoice_no {invoice} appears twice in the file</source>
            <translation>invoice_no {invoice} inaonekana mara mbili kwenye faili</translation>
        </message>
        <message>
            <source>invoice {invoice}: {reason}</source>
            <translation>ankara {invoice}: {reason}</translation>
        </message>
        <message>
            <source>the file cannot be read ({error})</source>
            <translation>faili haiwezi kusomwa ({error})</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Idadi</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>Bei ya kimoja</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Punguzo</translation>
        </message>
        <message>
            <source>the file must hold a list of sales</source>
            <translation>faili lazima iwe na orodha ya mauzo</translation>
        </message>
        <message>
            <source>each sale needs an object with a non-empty 'lines' list</source>
            <translation>kila mauzo yanahitaji object yenye orodha ya 'lines' isiyo tupu</translation>
        </message>
        <message>
            <source>every line must be an object</source>
            <translation>kila mstari lazima uwe object</translation>
        </message>
        <message>
            <source>the file is not UTF-8 text; save it as CSV UTF-8</source>
            <translation>faili si maandishi ya UTF-8; ihifadhi kama CSV UTF-8</translation>
        </message>
        <message>
            <source>the file holds no sales</source>
            <translation>faili haina mauzo</translation>
        </message>
        <message>
            <source>If you are sure of the key, save it unchecked with --unverified.</source>
            <translation>Ikiwa una uhakika na key, ihifadhi bila kukaguliwa kwa --unverified.</translation>
        </message>
        <message>
            <source>PENDING - not yet signed by KRA</source>
            <translation>INASUBIRI - bado haijasainiwa na KRA</translation>
        </message>
        <message>
            <source>CANCELLED - never signed by KRA, not a valid receipt</source>
            <translation>IMEFUTWA - haikusainiwa na KRA, si risiti halali</translation>
        </message>
        <message>
            <source>PRACTICE - not a tax receipt</source>
            <translation>MAZOEZI - si risiti ya kodi</translation>
        </message>
        <message>
            <source>Reprint rebuilt from stored data: the document KRA signed was not kept for this sale.</source>
            <translation>Nakala imejengwa upya kutoka data iliyohifadhiwa: hati iliyosainiwa na KRA haikuhifadhiwa kwa mauzo haya.</translation>
        </message>
        <message>
            <source>KRA recorded this sale but did not send its signature again; receipt data unavailable.</source>
            <translation>KRA ilirekodi mauzo haya lakini haikutuma sahihi yake tena; data ya risiti haipatikani.</translation>
        </message>
        <message>
            <source>Could not get an access token from KRA's API gateway.</source>
            <translation>Imeshindwa kupata access token kutoka API gateway ya KRA.</translation>
        </message>
        <message>
            <source>KRA's API gateway did not hand out an access token (HTTP {status}).</source>
            <translation>API gateway ya KRA haikutoa access token (HTTP {status}).</translation>
        </message>
        <message>
            <source>Nothing to do: the app tries again later. If it lasts, check KRA's status on developer.go.ke.</source>
            <translation>Hakuna cha kufanya: programu itajaribu tena baadaye. Ikiendelea, angalia hali ya KRA kwenye developer.go.ke.</translation>
        </message>
        <message>
            <source>KRA's API gateway's answer could not be understood: it is not JSON.</source>
            <translation>Jibu la API gateway ya KRA halikueleweka: si JSON.</translation>
        </message>
        <message>
            <source>KRA's API gateway's answer could not be understood: it is a JSON {kind}, not an object.</source>
            <translation>Jibu la API gateway ya KRA halikueleweka: ni JSON {kind}, si object.</translation>
        </message>
        <message>
            <source>KRA's API gateway answered with HTTP error {status} and a web page.</source>
            <translation>API gateway ya KRA imejibu kwa hitilafu ya HTTP {status} na ukurasa wa wavuti.</translation>
        </message>
        <message>
            <source>KRA's API gateway answered with HTTP error {status} and no data.</source>
            <translation>API gateway ya KRA imejibu kwa hitilafu ya HTTP {status} bila data.</translation>
        </message>
        <message>
            <source>KRA's API gateway's answer could not be understood: it has no result code.</source>
            <translation>Jibu la API gateway ya KRA halikueleweka: halina result code.</translation>
        </message>
        <message>
            <source>KRA's API gateway answered with HTTP error {status} instead of data.</source>
            <translation>API gateway ya KRA imejibu kwa hitilafu ya HTTP {status} badala ya data.</translation>
        </message>
        <message>
            <source>KRA's API gateway refused the request without saying why.</source>
            <translation>API gateway ya KRA imekataa ombi bila kusema kwa nini.</translation>
        </message>
        <message>
            <source>Check the sale or item, then send it again. If it keeps happening, contact support.</source>
            <translation>Kagua mauzo au bidhaa, kisha utume tena. Ikiendelea kutokea, wasiliana na msaada.</translation>
        </message>
        <message>
            <source>KRA's API gateway had an internal error.</source>
            <translation>API gateway ya KRA imepata hitilafu ya ndani.</translation>
        </message>
        <message>
            <source>KRA refused it: {reason}</source>
            <translation>KRA imeikataa: {reason}</translation>
        </message>
        <message>
            <source>KRA's API gateway asked us to slow down (too many requests).</source>
            <translation>API gateway ya KRA imetuomba tupunguze kasi (maombi mengi mno).</translation>
        </message>
        <message>
            <source>KRA's API gateway refused the call before it reached eTIMS (HTTP {status}): {reason}</source>
            <translation>API gateway ya KRA imekataa ombi kabla halijafika eTIMS (HTTP {status}): {reason}</translation>
        </message>
        <message>
            <source>The backup folder {folder} cannot be used: {reason}.</source>
            <translation>Folda ya nakala za akiba {folder} haiwezi kutumika: {reason}.</translation>
        </message>
        <message>
            <source>The copy of the database did not pass its check ({problems}). The database itself may be damaged.</source>
            <translation>Nakala ya data haikupita ukaguzi wake ({problems}). Huenda data yenyewe imeharibika.</translation>
        </message>
        <message>
            <source>Could not write the backup to {folder}: {reason}.</source>
            <translation>Imeshindwa kuandika nakala ya akiba kwenye {folder}: {reason}.</translation>
        </message>
        <message>
            <source>Could not copy the database: {reason}.</source>
            <translation>Imeshindwa kunakili data: {reason}.</translation>
        </message>
        <message>
            <source>{device}: KRA signed up to number {current}; the backup does not have this device.</source>
            <translation>{device}: KRA ilisaini hadi nambari {current}; nakala ya akiba haina kifaa hiki.</translation>
        </message>
        <message>
            <source>{device}: KRA signed up to number {current}; the backup knows only up to {backup}.</source>
            <translation>{device}: KRA ilisaini hadi nambari {current}; nakala ya akiba inajua hadi {backup} tu.</translation>
        </message>
        <message>
            <source>This backup (made {made}) is older than what KRA has already signed:</source>
            <translation>Nakala hii ya akiba (iliyotengenezwa {made}) ni ya zamani kuliko kile ambacho KRA imeshasaini:</translation>
        </message>
        <message>
            <source>Sales recorded after the backup was made are not in it. After the restore each device first asks KRA which numbers it already has, and never reuses them.</source>
            <translation>Mauzo yaliyorekodiwa baada ya nakala kutengenezwa hayamo. Baada ya kurejesha, kila kifaa kwanza kinauliza KRA nambari ambazo tayari inazo, na hakizitumii tena kamwe.</translation>
        </message>
        <message>
            <source>There is no file {path}.</source>
            <translation>Hakuna faili {path}.</translation>
        </message>
        <message>
            <source>{path} cannot be restored: it is not a database file ({reason}).</source>
            <translation>{path} haiwezi kurejeshwa: si faili ya data ({reason}).</translation>
        </message>
        <message>
            <source>{path} cannot be restored: it is damaged or is not an etims-desktop database ({problems}).</source>
            <translation>{path} haiwezi kurejeshwa: imeharibika au si data ya etims-desktop ({problems}).</translation>
        </message>
        <message>
            <source>{path} cannot be restored: it did not pass its check after the upgrade ({problems}).</source>
            <translation>{path} haiwezi kurejeshwa: haikupita ukaguzi wake baada ya kusasishwa ({problems}).</translation>
        </message>
        <message>
            <source>{path} cannot be restored: {reason}</source>
            <translation>{path} haiwezi kurejeshwa: {reason}</translation>
        </message>
        <message>
            <source>{path} cannot be restored: its data could not be upgraded ({reason}).</source>
            <translation>{path} haiwezi kurejeshwa: data yake haikuweza kusasishwa ({reason}).</translation>
        </message>
        <message>
            <source>{path} cannot be restored: it is damaged ({problems}).</source>
            <translation>{path} haiwezi kurejeshwa: imeharibika ({problems}).</translation>
        </message>
        <message>
            <source>Backed up the database to {path} ({mb} MB, checked and sound, {seconds} s).</source>
            <translation>Nakala ya akiba ya data imewekwa kwenye {path} (MB {mb}, imekaguliwa na iko salama, sekunde {seconds}).</translation>
        </message>
        <message>
            <source>Backed up the database to {path} ({mb} MB, checked and sound, {seconds} s). {note}</source>
            <translation>Nakala ya akiba ya data imewekwa kwenye {path} (MB {mb}, imekaguliwa na iko salama, sekunde {seconds}). {note}</translation>
        </message>
        <message>
            <source>The copy was saved in {folder} instead.</source>
            <translation>Nakala imehifadhiwa katika {folder} badala yake.</translation>
        </message>
        <message>
            <source>The database is damaged, so a copy of it would be damaged too. Restore the latest good backup instead.</source>
            <translation>Data imeharibika, kwa hiyo nakala yake ingeharibika pia. Rejesha nakala ya akiba nzuri ya karibuni badala yake.</translation>
        </message>
        <message>
            <source>The database is damaged, so nothing is sent until it is restored from a backup (etims-desktop restore, or Restore... in the window).</source>
            <translation>Data imeharibika, kwa hiyo hakuna kinachotumwa hadi irejeshwe kutoka nakala ya akiba (etims-desktop restore, au Rejesha... kwenye dirisha).</translation>
        </message>
        <message>
            <source>the database is damaged</source>
            <translation>data imeharibika</translation>
        </message>
        <message>
            <source>checking with KRA which eTIMS numbers it already has (after a restore)</source>
            <translation>inakagua na KRA nambari za eTIMS ambazo tayari inazo (baada ya kurejesha)</translation>
        </message>
        <message>
            <source>after the restored backup was made</source>
            <translation>baada ya nakala ya akiba iliyorejeshwa kutengenezwa</translation>
        </message>
        <message>
            <source>KRA could not be asked about numbers after {last} ({reason}).</source>
            <translation>KRA haikuweza kuulizwa kuhusu nambari baada ya {last} ({reason}).</translation>
        </message>
        <message>
            <source>KRA has no sale after eTIMS number {last}; numbering goes on from {next}.</source>
            <translation>KRA haina mauzo baada ya nambari ya eTIMS {last}; nambari zinaendelea kutoka {next}.</translation>
        </message>
        <message>
            <source>KRA already had eTIMS numbers {first} to {kra_last}, signed {since}, so the next sale gets number {next}.</source>
            <translation>KRA tayari ilikuwa na nambari za eTIMS {first} hadi {kra_last}, zilizosainiwa {since}, kwa hiyo mauzo yanayofuata yanapata nambari {next}.</translation>
        </message>
        <message>
            <source>{adopted} of them were sales waiting here; they are now marked signed.</source>
            <translation>{adopted} kati yake yalikuwa mauzo yaliyokuwa yakisubiri hapa; sasa yamewekwa kuwa yamesainiwa.</translation>
        </message>
    </context>
    <context>
        <name>CreditNoteDialog</name>
        <message>
            <source>Item</source>
            <translation>Bidhaa</translation>
        </message>
        <message>
            <source>Sold</source>
            <translation>Zilizouzwa</translation>
        </message>
        <message>
            <source>Still creditable</source>
            <translation>Zinazoweza bado kurudishwa</translation>
        </message>
        <message>
            <source>Credit now</source>
            <translation>Rudisha sasa</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>Bei ya kimoja</translation>
        </message>
        <message>
            <source>Credit note</source>
            <translation>Credit note</translation>
        </message>
        <message>
            <source>Credit &amp;everything left</source>
            <translation>Credit note ya &amp;vyote vilivyobaki</translation>
        </message>
        <message>
            <source>&amp;Save credit note  (Ctrl+Enter)</source>
            <translation>&amp;Hifadhi credit note  (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Funga</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Sababu</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>Mnunuzi</translation>
        </message>
        <message>
            <source>Credit note no.</source>
            <translation>Nambari ya credit note</translation>
        </message>
        <message>
            <source>Credit note for invoice %1%2 of %3.</source>
            <translation>Credit note ya ankara %1%2 ya tarehe %3.</translation>
        </message>
        <message>
            <source>walk-in customer (no PIN)</source>
            <translation>mteja wa kawaida (hana PIN)</translation>
        </message>
        <message>
            <source>Number %1 is already used on this device: give this credit note its own number.</source>
            <translation>Nambari %1 imeshatumika kwenye kifaa hiki: ipe credit note hii nambari yake.</translation>
        </message>
    </context>
    <context>
        <name>DamagedNotice</name>
        <message>
            <source>Restore from a backup…</source>
            <translation>Rejesha kutoka nakala ya akiba…</translation>
        </message>
        <message>
            <source>The database file is damaged (a failing disk or a power cut can do this). Nothing is sent to KRA until it is restored from a backup. Restore before recording sales: sales recorded now are not in the backup.</source>
            <translation>Faili ya data imeharibika (diski mbovu au kukatika kwa umeme kunaweza kusababisha hivi). Hakuna kinachotumwa kwa KRA mpaka irejeshwe kutoka nakala ya akiba. Rejesha kabla ya kurekodi mauzo: mauzo yanayorekodiwa sasa hayamo kwenye nakala ya akiba.</translation>
        </message>
        <message>
            <source>SQLite's check found:</source>
            <translation>Ukaguzi wa SQLite umepata:</translation>
        </message>
        <message>
            <source>The newest good backup was made %1.</source>
            <translation>Nakala nzuri ya akiba ya karibuni ilitengenezwa %1.</translation>
        </message>
        <message>
            <source>Restore that backup…</source>
            <translation>Rejesha nakala hiyo…</translation>
        </message>
    </context>
    <context>
        <name>DayReport</name>
        <message>
            <source> (credit note)</source>
            <translation> (credit note)</translation>
        </message>
        <message>
            <source>Cancelled here (never signed, in no total)</source>
            <translation>Yameghairiwa hapa (hayakusainiwa, hayamo kwenye jumla yoyote)</translation>
        </message>
        <message>
            <source>Credit notes signed by KRA (subtracted)</source>
            <translation>Credit note zilizosainiwa na KRA (zimetolewa)</translation>
        </message>
        <message>
            <source>Day NOT closed: {count} sale(s) of this day still wait for KRA (the oldest sold at {time}): {reasons}. Press Sync and fix what the device's outbox asks for, then make this report again.</source>
            <translation>Siku HAIJAFUNGWA: mauzo {count} ya siku hii bado yanasubiri KRA (la zamani zaidi liliuzwa saa {time}): {reasons}. Bofya Sawazisha na urekebishe kile ambacho foleni ya kifaa inaomba, kisha utengeneze ripoti hii tena.</translation>
        </message>
        <message>
            <source>Day closed: every sale of this day is signed by KRA.</source>
            <translation>Siku imefungwa: kila mauzo ya siku hii yamesainiwa na KRA.</translation>
        </message>
        <message>
            <source>Device: {name} (SCU id {scu})</source>
            <translation>Kifaa: {name} (SCU id {scu})</translation>
        </message>
        <message>
            <source>END OF DAY REPORT (Z REPORT)</source>
            <translation>RIPOTI YA MWISHO WA SIKU (Z REPORT)</translation>
        </message>
        <message>
            <source>End of day report</source>
            <translation>Ripoti ya mwisho wa siku</translation>
        </message>
        <message>
            <source>KRA invoice numbers</source>
            <translation>Nambari za ankara za KRA</translation>
        </message>
        <message>
            <source>KRA receipt numbers</source>
            <translation>Nambari za risiti za KRA</translation>
        </message>
        <message>
            <source>Made at {time}</source>
            <translation>Imetengenezwa saa {time}</translation>
        </message>
        <message>
            <source>NOT CLOSED: {count} sale(s) still wait for KRA</source>
            <translation>HAIJAFUNGWA: mauzo {count} bado yanasubiri KRA</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Halisi</translation>
        </message>
        <message>
            <source>Net: sales less credit notes</source>
            <translation>Halisi: mauzo ukitoa credit note</translation>
        </message>
        <message>
            <source>No signed sales this day.</source>
            <translation>Hakuna mauzo yaliyosainiwa siku hii.</translation>
        </message>
        <message>
            <source>PRACTICE - not a tax record</source>
            <translation>MAZOEZI - si rekodi ya kodi</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Malipo</translation>
        </message>
        <message>
            <source>Payment types</source>
            <translation>Aina za malipo</translation>
        </message>
        <message>
            <source>Sales / credit notes</source>
            <translation>Mauzo / credit note</translation>
        </message>
        <message>
            <source>Sales signed by KRA</source>
            <translation>Mauzo yaliyosainiwa na KRA</translation>
        </message>
        <message>
            <source>Signed by KRA</source>
            <translation>Yamesainiwa na KRA</translation>
        </message>
        <message>
            <source>Still waiting for KRA: {count} (total {total}, not in the figures above)</source>
            <translation>Bado yanasubiri KRA: {count} (jumla {total}, hayamo kwenye takwimu za juu)</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Kodi</translation>
        </message>
        <message>
            <source>Tax type</source>
            <translation>Aina ya kodi</translation>
        </message>
        <message>
            <source>Taxable</source>
            <translation>Thamani</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Jumla</translation>
        </message>
        <message>
            <source>Total tax</source>
            <translation>Jumla ya kodi</translation>
        </message>
        <message>
            <source>could not start drawing on the PDF file</source>
            <translation>imeshindwa kuanza kuchora kwenye faili ya PDF</translation>
        </message>
        <message>
            <source>none</source>
            <translation>hakuna</translation>
        </message>
        <message>
            <source>the PDF file {path} could not be written</source>
            <translation>faili ya PDF {path} haikuweza kuandikwa</translation>
        </message>
        <message>
            <source>{count} of them were signed before the app kept KRA's documents: they are in the total, not in the rows per tax type.</source>
            <translation>{count} kati yao yalisainiwa kabla programu haijaanza kuweka hati za KRA: yamo kwenye jumla, si kwenye mistari ya kila aina ya kodi.</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} hadi {last}</translation>
        </message>
        <message>
            <source>{reason}: {count}</source>
            <translation>{reason}: {count}</translation>
        </message>
        <message>
            <source>{title}: {count}</source>
            <translation>{title}: {count}</translation>
        </message>
    </context>
    <context>
        <name>DayReportDialog</name>
        <message>
            <source>End of day report</source>
            <translation>Ripoti ya mwisho wa siku</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Hifadhi kama PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Funga</translation>
        </message>
        <message>
            <source>Day:</source>
            <translation>Siku:</translation>
        </message>
        <message>
            <source>Device:</source>
            <translation>Kifaa:</translation>
        </message>
        <message>
            <source>Paper:</source>
            <translation>Karatasi:</translation>
        </message>
        <message>
            <source>Making the report…</source>
            <translation>Inatengeneza ripoti…</translation>
        </message>
        <message>
            <source>There is no device yet: add one, record sales, then come back here.</source>
            <translation>Bado hakuna kifaa: ongeza kimoja, rekodi mauzo, kisha urudi hapa.</translation>
        </message>
        <message>
            <source>end-of-day-{day}.pdf</source>
            <translation>mwisho-wa-siku-{day}.pdf</translation>
        </message>
        <message>
            <source>Save the report as PDF</source>
            <translation>Hifadhi ripoti kama PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Faili za PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF was not saved: {error}. Choose another folder and try again.</source>
            <translation>PDF haikuhifadhiwa: {error}. Chagua folda nyingine kisha ujaribu tena.</translation>
        </message>
        <message>
            <source>Saved: {path}</source>
            <translation>Imehifadhiwa: {path}</translation>
        </message>
        <message>
            <source>The report could not be made: {error}</source>
            <translation>Ripoti haikuweza kutengenezwa: {error}</translation>
        </message>
    </context>
    <context>
        <name>DesktopSettingsGroup</name>
        <message>
            <source>This computer</source>
            <translation>Kompyuta hii</translation>
        </message>
        <message>
            <source>Closing the window keeps the app running (its icon stays next to the clock)</source>
            <translation>Kufunga dirisha kunaacha programu ikiendelea (alama yake inabaki karibu na saa)</translation>
        </message>
        <message>
            <source>Sales keep going to KRA while the window is closed. To stop the app, click its icon next to the clock and choose Quit.</source>
            <translation>Mauzo yanaendelea kwenda KRA dirisha likiwa limefungwa. Kusimamisha programu, bofya alama yake karibu na saa kisha uchague Funga programu.</translation>
        </message>
        <message>
            <source>This computer's desktop has no place for app icons next to the clock, so closing the window stops the app.</source>
            <translation>Skrini ya kompyuta hii haina nafasi ya alama za programu karibu na saa, kwa hiyo kufunga dirisha kunasimamisha programu.</translation>
        </message>
        <message>
            <source> minutes</source>
            <translation> dakika</translation>
        </message>
        <message>
            <source>Tell me when a device has had no connection for</source>
            <translation>Niambie kifaa kikikosa muunganisho kwa</translation>
        </message>
        <message>
            <source> hours</source>
            <translation> masaa</translation>
        </message>
        <message>
            <source>A VSCU stops signing sales after about a day without reaching KRA.</source>
            <translation>VSCU inaacha kusaini mauzo baada ya karibu siku moja bila kufikia KRA.</translation>
        </message>
        <message>
            <source>Warn me this long before a VSCU stops signing</source>
            <translation>Nionye muda huu kabla VSCU haijaacha kusaini</translation>
        </message>
        <message>
            <source>Start with my computer</source>
            <translation>Anza pamoja na kompyuta yangu</translation>
        </message>
        <message>
            <source>The app opens by itself when you log in, so no sale waits because it was not started.</source>
            <translation>Programu inajifungua yenyewe unapoingia kwenye kompyuta, ili hakuna mauzo yanayosubiri kwa sababu haikuwashwa.</translation>
        </message>
    </context>
    <context>
        <name>DeviceBoardModel</name>
        <message>
            <source>Device</source>
            <translation>Kifaa</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Aina</translation>
        </message>
        <message>
            <source>Sends</source>
            <translation>Inatuma</translation>
        </message>
        <message>
            <source>KRA status</source>
            <translation>Hali na KRA</translation>
        </message>
        <message>
            <source>Waiting sales</source>
            <translation>Mauzo yanayosubiri</translation>
        </message>
        <message>
            <source>Last successful sync</source>
            <translation>Usawazishaji wa mwisho uliofaulu</translation>
        </message>
        <message>
            <source>Last problem</source>
            <translation>Tatizo la mwisho</translation>
        </message>
        <message>
            <source>(retired)</source>
            <translation>(imestaafishwa)</translation>
        </message>
        <message>
            <source>real-time</source>
            <translation>papo hapo</translation>
        </message>
        <message>
            <source>in batches</source>
            <translation>kwa makundi</translation>
        </message>
        <message>
            <source>Retired: sends nothing; its sales and receipts are kept</source>
            <translation>Imestaafishwa: haitumi chochote; mauzo na risiti zake zimehifadhiwa</translation>
        </message>
        <message>
            <source>Syncing: %1</source>
            <translation>Inasawazisha: %1</translation>
        </message>
        <message>
            <source>Being synced by another etims-desktop</source>
            <translation>Inasawazishwa na etims-desktop nyingine</translation>
        </message>
        <message>
            <source>sending %1 of %2</source>
            <translation>inatuma %1 kati ya %2</translation>
        </message>
        <message>
            <source>%1 uncertain - checking with KRA</source>
            <translation>%1 hayajulikani - inauliza KRA</translation>
        </message>
        <message>
            <source>never</source>
            <translation>bado</translation>
        </message>
        <message>
            <source>What to do: open the device (double-click), look each number up on KRA's portal and say what you saw.</source>
            <translation>Cha kufanya: fungua kifaa (bofya mara mbili), tafuta kila nambari kwenye portal ya KRA na useme ulichoona.</translation>
        </message>
        <message>
            <source>What to do: open the device (double-click) to resend or cancel them.</source>
            <translation>Cha kufanya: fungua kifaa (bofya mara mbili) ili uyatume tena au uyaghairi.</translation>
        </message>
        <message>
            <source>What to do: %1</source>
            <translation>Cha kufanya: %1</translation>
        </message>
        <message>
            <source>checked %1</source>
            <translation>imekaguliwa %1</translation>
        </message>
        <message>
            <source>less than a minute left</source>
            <translation>chini ya dakika moja imebaki</translation>
        </message>
        <message>
            <source>about %1 h %2 min left</source>
            <translation>karibu saa %1 dak. %2 zimebaki</translation>
        </message>
        <message>
            <source>KRA PIN %1, branch %2</source>
            <translation>KRA PIN %1, tawi %2</translation>
        </message>
        <message>
            <source>Serial number: %1</source>
            <translation>Nambari ya serial: %1</translation>
        </message>
        <message>
            <source>SCU id: %1</source>
            <translation>SCU id: %1</translation>
        </message>
        <message>
            <source>Not initialised yet</source>
            <translation>Bado hakijaanzishwa na KRA</translation>
        </message>
        <message>
            <source>PRACTICE device: talks to the built-in practice KRA, never to the real one.</source>
            <translation>Kifaa cha MAZOEZI: kinaongea na KRA ya mazoezi iliyomo ndani ya programu, kamwe si KRA halisi.</translation>
        </message>
        <message>
            <source>OSCU: every sale is signed by KRA online, as soon as it is made.</source>
            <translation>OSCU: kila mauzo yanasainiwa na KRA mtandaoni, mara tu yanapofanywa.</translation>
        </message>
        <message>
            <source>VSCU: sales are signed by your VSCU service and uploaded in batches.</source>
            <translation>VSCU: mauzo yanasainiwa na huduma yako ya VSCU na kutumwa kwa makundi.</translation>
        </message>
        <message>
            <source>Another etims-desktop on this computer (another window, or a scheduled 'etims-desktop sync') is sending this device's sales right now. This window leaves the device to it and carries on by itself when it has finished.</source>
            <translation>etims-desktop nyingine kwenye kompyuta hii (dirisha jingine, au 'etims-desktop sync' iliyopangwa) inatuma mauzo ya kifaa hiki sasa hivi. Dirisha hili linakiachia kifaa hicho na litaendelea lenyewe ikimaliza.</translation>
        </message>
        <message>
            <source>Every sale of this device has reached KRA.</source>
            <translation>Mauzo yote ya kifaa hiki yamefika KRA.</translation>
        </message>
        <message numerus="yes">
            <source>%n need your check</source>
            <translation>
                <numerusform>%n yanahitaji uyahakikishe</numerusform>
                <numerusform>%n yanahitaji uyahakikishe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n need your fix</source>
            <translation>
                <numerusform>%n yanahitaji urekebishe</numerusform>
                <numerusform>%n yanahitaji urekebishe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n needs your check</source>
            <translation>
                <numerusform>%n linahitaji ulihakikishe</numerusform>
                <numerusform>%n linahitaji ulihakikishe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n needs your fix</source>
            <translation>
                <numerusform>%n linahitaji urekebishe</numerusform>
                <numerusform>%n linahitaji urekebishe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale still has to reach KRA.</source>
            <translation>
                <numerusform>Mauzo %n bado hayajafika KRA.</numerusform>
                <numerusform>Mauzo %n bado hayajafika KRA.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale was refused by KRA and needs your fix.</source>
            <translation>
                <numerusform>Mauzo %n yamekataliwa na KRA na yanahitaji urekebishe.</numerusform>
                <numerusform>Mauzo %n yamekataliwa na KRA na yanahitaji urekebishe.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sales still have to reach KRA.</source>
            <translation>
                <numerusform>Mauzo %n bado hayajafika KRA.</numerusform>
                <numerusform>Mauzo %n bado hayajafika KRA.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sales were refused by KRA and need your fix.</source>
            <translation>
                <numerusform>Mauzo %n yamekataliwa na KRA na yanahitaji urekebishe.</numerusform>
                <numerusform>Mauzo %n yamekataliwa na KRA na yanahitaji urekebishe.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>KRA refused %n sale.</source>
            <translation>
                <numerusform>KRA imekataa mauzo %n.</numerusform>
                <numerusform>KRA imekataa mauzo %n.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>KRA refused %n sales.</source>
            <translation>
                <numerusform>KRA imekataa mauzo %n.</numerusform>
                <numerusform>KRA imekataa mauzo %n.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>KRA's answers did not tell whether it has %n sale.</source>
            <translation>
                <numerusform>Majibu ya KRA hayakusema kama ina mauzo %n.</numerusform>
                <numerusform>Majibu ya KRA hayakusema kama ina mauzo %n.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>KRA's answers did not tell whether it has %n sales.</source>
            <translation>
                <numerusform>Majibu ya KRA hayakusema kama ina mauzo %n.</numerusform>
                <numerusform>Majibu ya KRA hayakusema kama ina mauzo %n.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>about %n minute left</source>
            <translation>
                <numerusform>karibu dakika %n imebaki</numerusform>
                <numerusform>karibu dakika %n imebaki</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>about %n minutes left</source>
            <translation>
                <numerusform>karibu dakika %n zimebaki</numerusform>
                <numerusform>karibu dakika %n zimebaki</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeviceBoardView</name>
        <message>
            <source>PRACTICE</source>
            <translation>MAZOEZI</translation>
        </message>
        <message>
            <source>checked %1</source>
            <translation>imekaguliwa %1</translation>
        </message>
    </context>
    <context>
        <name>DeviceChoice</name>
        <message>
            <source>PRACTICE - %1</source>
            <translation>MAZOEZI - %1</translation>
        </message>
        <message>
            <source>Goes to the practice KRA inside this app, never to KRA.</source>
            <translation>Yanakwenda KRA ya mazoezi iliyomo ndani ya programu hii, kamwe si kwa KRA.</translation>
        </message>
    </context>
    <context>
        <name>DeviceDetailPanel</name>
        <message>
            <source>Close the device details</source>
            <translation>Funga maelezo ya kifaa</translation>
        </message>
        <message>
            <source>Sync this device</source>
            <translation>Sawazisha kifaa hiki</translation>
        </message>
        <message>
            <source>Refresh code lists</source>
            <translation>Sasisha orodha za code</translation>
        </message>
        <message>
            <source>Fetch KRA's code lists, item classes and notices for this device now.</source>
            <translation>Chukua orodha za code za KRA, aina za bidhaa na matangazo kwa kifaa hiki sasa.</translation>
        </message>
        <message>
            <source>Initialise / enter key…</source>
            <translation>Anzisha na KRA / weka key…</translation>
        </message>
        <message>
            <source>Remove device…</source>
            <translation>Ondoa kifaa…</translation>
        </message>
        <message>
            <source>Select a sale to see everything that happened to it.</source>
            <translation>Chagua mauzo uone kila kilichoyatokea.</translation>
        </message>
        <message>
            <source>Resend</source>
            <translation>Tuma tena</translation>
        </message>
        <message>
            <source>Put the sale back in the queue, for example after adding the missing item in KRA.</source>
            <translation>Rudisha mauzo kwenye foleni, kwa mfano baada ya kuongeza bidhaa iliyokosekana kwenye KRA.</translation>
        </message>
        <message>
            <source>Cancel locally…</source>
            <translation>Ghairi hapa…</translation>
        </message>
        <message>
            <source>Only for a sale KRA never signed: it will not be sent.</source>
            <translation>Kwa mauzo ambayo KRA haijawahi kusaini tu: hayatatumwa.</translation>
        </message>
        <message>
            <source>KRA has it</source>
            <translation>KRA inayo</translation>
        </message>
        <message>
            <source>KRA's portal shows this sale: mark it signed.</source>
            <translation>Portal ya KRA inaonyesha mauzo haya: yawekee alama ya kusainiwa.</translation>
        </message>
        <message>
            <source>Not at KRA: send again</source>
            <translation>Hayapo KRA: tuma tena</translation>
        </message>
        <message>
            <source>KRA's portal does not show this sale: send it again with its own eTIMS number.</source>
            <translation>Portal ya KRA haionyeshi mauzo haya: yatume tena kwa nambari yake ile ile ya eTIMS.</translation>
        </message>
        <message>
            <source>Selected sale:</source>
            <translation>Mauzo uliyochagua:</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Ilianza</translation>
        </message>
        <message>
            <source>Took</source>
            <translation>Ilichukua</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Kilichotokea</translation>
        </message>
        <message>
            <source>Sales on their way</source>
            <translation>Mauzo yaliyo njiani</translation>
        </message>
        <message>
            <source>Sync history</source>
            <translation>Historia ya usawazishaji</translation>
        </message>
        <message>
            <source>Showing %1 of %2.</source>
            <translation>Inaonyesha %1 kati ya %2.</translation>
        </message>
        <message>
            <source>real-time</source>
            <translation>papo hapo</translation>
        </message>
        <message>
            <source>in batches</source>
            <translation>kwa makundi</translation>
        </message>
        <message>
            <source>KRA PIN %1, branch %2</source>
            <translation>KRA PIN %1, tawi %2</translation>
        </message>
        <message>
            <source>serial %1</source>
            <translation>serial %1</translation>
        </message>
        <message>
            <source>SCU id %1</source>
            <translation>SCU id %1</translation>
        </message>
        <message>
            <source>not initialised</source>
            <translation>haijaanzishwa na KRA</translation>
        </message>
        <message>
            <source>RETIRED %1: its sales, receipts and history are kept; it sends nothing</source>
            <translation>IMESTAAFISHWA %1: mauzo, risiti na historia yake vimehifadhiwa; haitumi chochote</translation>
        </message>
        <message>
            <source>checked %1</source>
            <translation>imekaguliwa %1</translation>
        </message>
        <message>
            <source>What to do: %1</source>
            <translation>Cha kufanya: %1</translation>
        </message>
        <message>
            <source>Retired devices are not checked with KRA.</source>
            <translation>Vifaa vilivyostaafishwa havikaguliwi na KRA.</translation>
        </message>
        <message>
            <source>Reconnect</source>
            <translation>Unganisha tena</translation>
        </message>
        <message>
            <source>Ask the practice KRA for this device's key again</source>
            <translation>Omba KRA ya mazoezi key ya kifaa hiki tena</translation>
        </message>
        <message>
            <source>Enter a new key…</source>
            <translation>Weka key mpya…</translation>
        </message>
        <message>
            <source>did not finish</source>
            <translation>haikumalizika</translation>
        </message>
        <message>
            <source>&lt;b&gt;Needs your check:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Inahitaji uhakikishe:&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Why KRA refused it:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Kwa nini KRA imeyakataa:&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>What to do: correct the cause (for example the item or the buyer's PIN), then Resend. If the sale did not really happen, cancel it.</source>
            <translation>Cha kufanya: rekebisha chanzo (kwa mfano bidhaa au PIN ya mnunuzi), kisha bofya Tuma tena. Kama mauzo hayakufanyika kweli, yaghairi.</translation>
        </message>
        <message>
            <source>Sale %1, %2 line(s), sold %3</source>
            <translation>Mauzo %1, mistari %2, yaliuzwa %3</translation>
        </message>
        <message>
            <source>Sale %1 is marked signed: KRA has it.</source>
            <translation>Mauzo %1 yamewekewa alama ya kusainiwa: KRA inayo.</translation>
        </message>
        <message>
            <source>Sale %1 goes to KRA again with its own eTIMS number at the next sync.</source>
            <translation>Mauzo %1 yanakwenda KRA tena kwa nambari yake ile ile ya eTIMS katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>Sale %1 is back in the queue. It goes with the next sync.</source>
            <translation>Mauzo %1 yamerudi kwenye foleni. Yanakwenda katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>Cancel this sale?</source>
            <translation>Ughairi mauzo haya?</translation>
        </message>
        <message>
            <source>Sale %1 was never signed by KRA. Cancelling it here means it will never be sent. Only do this if the sale did not really happen or you will record it again.</source>
            <translation>Mauzo %1 hayajawahi kusainiwa na KRA. Ukiyaghairi hapa hayatatumwa kamwe. Fanya hivi tu kama mauzo hayakufanyika kweli au utayarekodi upya.</translation>
        </message>
        <message>
            <source>Cancel the sale</source>
            <translation>Ghairi mauzo</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Yaache</translation>
        </message>
        <message>
            <source>Sale %1 was cancelled here; it will not be sent.</source>
            <translation>Mauzo %1 yameghairiwa hapa; hayatatumwa.</translation>
        </message>
        <message>
            <source>Fetching code lists from KRA…</source>
            <translation>Inachukua orodha za code kutoka KRA…</translation>
        </message>
        <message>
            <source>Code lists are up to date (new or changed: %1).</source>
            <translation>Orodha za code ni za sasa (mpya au zilizobadilika: %1).</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>hakuna</translation>
        </message>
        <message>
            <source>Retire this device?</source>
            <translation>Ustaafishe kifaa hiki?</translation>
        </message>
        <message>
            <source>Retire it</source>
            <translation>Kistaafishe</translation>
        </message>
        <message>
            <source>Delete this device?</source>
            <translation>Ufute kifaa hiki?</translation>
        </message>
        <message>
            <source>Delete it</source>
            <translation>Kifute</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <source>Diagnostics</source>
            <translation>Uchunguzi wa matatizo</translation>
        </message>
        <message>
            <source>Send this to whoever helps you with the app. CMC keys are replaced by *** before it is shown or copied.</source>
            <translation>Mtumie huyu anayekusaidia na programu. CMC key zinabadilishwa kuwa *** kabla ya kuonyeshwa au kunakiliwa.</translation>
        </message>
        <message>
            <source>Collecting…</source>
            <translation>Inakusanya…</translation>
        </message>
        <message>
            <source>Copy diagnostics</source>
            <translation>Nakili uchunguzi</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Onyesha upya</translation>
        </message>
    </context>
    <context>
        <name>EmptyState</name>
        <message>
            <source>No eTIMS device yet</source>
            <translation>Bado hakuna kifaa cha eTIMS</translation>
        </message>
        <message>
            <source>Add the device KRA approved for your shop, or try everything safely first in practice mode: it starts a practice KRA inside this app with one OSCU and one VSCU device, so you can record sales, press Sync and watch what happens. Nothing goes to the real KRA.</source>
            <translation>Ongeza kifaa ambacho KRA iliidhinisha kwa duka lako, au kwanza jaribu kila kitu kwa usalama katika hali ya mazoezi: inaanzisha KRA ya mazoezi ndani ya programu hii yenye kifaa kimoja cha OSCU na kimoja cha VSCU, ili urekodi mauzo, ubofye Sawazisha na uone kinachotokea. Hakuna kinachokwenda KRA halisi.</translation>
        </message>
        <message>
            <source>Try practice mode</source>
            <translation>Jaribu hali ya mazoezi</translation>
        </message>
        <message>
            <source>Add my eTIMS device…</source>
            <translation>Ongeza kifaa changu cha eTIMS…</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export for my accountant</source>
            <translation>Toa data kwa mhasibu wangu</translation>
        </message>
        <message>
            <source>All devices</source>
            <translation>Vifaa vyote</translation>
        </message>
        <message>
            <source>Excel workbook (.xlsx)</source>
            <translation>Faili ya Excel (.xlsx)</translation>
        </message>
        <message>
            <source>CSV files (.csv), one per table</source>
            <translation>Faili za CSV (.csv), moja kwa kila jedwali</translation>
        </message>
        <message>
            <source>Every sale and credit note KRA signed in these days, and every purchase you accepted or declared, as KRA recorded them: one row per invoice and one row per line, with KRA's receipt number and signature and the tax per type A-E. Credit notes have negative amounts. Sales not signed yet are left out; purchases not at KRA yet are listed with their status, in no total. Sync first.</source>
            <translation>Kila mauzo na credit note ambayo KRA ilisaini katika siku hizi, na kila ununuzi uliokubali au kutangaza, kama KRA ilivyoyarekodi: mstari mmoja kwa kila ankara na mstari mmoja kwa kila bidhaa, pamoja na nambari ya risiti ya KRA, sahihi yake na kodi kwa kila aina A-E. Credit note zina kiasi hasi. Mauzo ambayo bado hayajasainiwa hayamo; manunuzi ambayo bado hayajafika KRA yameorodheshwa pamoja na hali yake, bila kuhesabiwa kwenye jumla. Sawazisha kwanza.</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Kuanzia:</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>Hadi:</translation>
        </message>
        <message>
            <source>Device:</source>
            <translation>Kifaa:</translation>
        </message>
        <message>
            <source>File type:</source>
            <translation>Aina ya faili:</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Toa…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Funga</translation>
        </message>
        <message>
            <source>accounts-{first}-to-{last}</source>
            <translation>hesabu-{first}-hadi-{last}</translation>
        </message>
        <message>
            <source>Exported {sales} sale(s) and credit note(s) signed by KRA and {purchases} purchase(s) KRA recorded to: {files}</source>
            <translation>Mauzo na credit note {sales} zilizosainiwa na KRA na manunuzi {purchases} yaliyorekodiwa na KRA yametolewa kwenda: {files}</translation>
        </message>
        <message>
            <source>{count} purchase(s) not at KRA yet are listed with their status, in no total: sync, then export again.</source>
            <translation>Manunuzi {count} ambayo bado hayajafika KRA yameorodheshwa pamoja na hali yake, bila kuhesabiwa kwenye jumla: sawazisha, kisha toa tena.</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Faili ya Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Faili za CSV (*.csv)</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Inatoa…</translation>
        </message>
        <message>
            <source>Nothing was exported: {error}</source>
            <translation>Hakuna kilichotolewa: {error}</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>%1 ago</source>
            <translation>%1 zilizopita</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message numerus="yes">
            <source>%n day</source>
            <translation>
                <numerusform>siku %n</numerusform>
                <numerusform>siku %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n days</source>
            <translation>
                <numerusform>siku %n</numerusform>
                <numerusform>siku %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h</source>
            <translation>
                <numerusform>saa %n</numerusform>
                <numerusform>saa %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min</source>
            <translation>
                <numerusform>dak. %n</numerusform>
                <numerusform>dak. %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n yanasubiri</numerusform>
                <numerusform>%n yanasubiri</numerusform>
            </translation>
        </message>
        <message>
            <source>, oldest %1</source>
            <translation>, la zamani zaidi %1</translation>
        </message>
        <message>
            <source>KSh %1</source>
            <translation>KSh %1</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>sasa hivi</translation>
        </message>
        <message>
            <source>never</source>
            <translation>bado</translation>
        </message>
        <message>
            <source>nothing waiting</source>
            <translation>hakuna kinachosubiri</translation>
        </message>
        <message>
            <source>under a minute</source>
            <translation>chini ya dakika moja</translation>
        </message>
    </context>
    <context>
        <name>GatewayPage</name>
        <message>
            <source>Your app on developer.go.ke</source>
            <translation>App yako kwenye developer.go.ke</translation>
        </message>
        <message>
            <source>Copy these from your app on developer.go.ke (sandbox and production apps differ). KRA gives the integration token for your PIN, this program and the device serial.</source>
            <translation>Nakili hivi kutoka app yako kwenye developer.go.ke (app za sandbox na production ni tofauti). KRA inatoa integration token kwa PIN yako, programu hii na serial ya kifaa.</translation>
        </message>
        <message>
            <source>from KRA, for this PIN and device serial</source>
            <translation>kutoka KRA, kwa PIN hii na serial ya kifaa</translation>
        </message>
        <message>
            <source>Consumer key</source>
            <translation>Consumer key</translation>
        </message>
        <message>
            <source>Consumer secret</source>
            <translation>Consumer secret</translation>
        </message>
        <message>
            <source>App id (apigee_app_id)</source>
            <translation>App id (apigee_app_id)</translation>
        </message>
        <message>
            <source>Integration token</source>
            <translation>Integration token</translation>
        </message>
        <message>
            <source>Test the connection</source>
            <translation>Jaribu muunganisho</translation>
        </message>
        <message>
            <source>They are kept in your computer's keyring, like the CMC key, and never shown again.</source>
            <translation>Vinawekwa kwenye keyring ya kompyuta yako, kama CMC key, na havionyeshwi tena.</translation>
        </message>
        <message>
            <source>Fill in the device details and all three app fields first.</source>
            <translation>Kwanza jaza maelezo ya kifaa na sehemu zote tatu za app.</translation>
        </message>
        <message>
            <source>Asking KRA's gateway for an access token…</source>
            <translation>Inaomba gateway ya KRA access token…</translation>
        </message>
        <message>
            <source>KRA's gateway accepted your consumer key and secret (%1 ms).</source>
            <translation>Gateway ya KRA imekubali consumer key na secret yako (%1 ms).</translation>
        </message>
    </context>
    <context>
        <name>IdentityPage</name>
        <message>
            <source>Who the device belongs to</source>
            <translation>Kifaa ni cha nani</translation>
        </message>
        <message>
            <source>Type these exactly as they are on your KRA approval.</source>
            <translation>Andika haya sawasawa kama yalivyo kwenye idhini yako ya KRA.</translation>
        </message>
        <message>
            <source>e.g. Till 1</source>
            <translation>k.m. Kaunta 1</translation>
        </message>
        <message>
            <source>the serial number you declared to KRA</source>
            <translation>nambari ya serial uliyoitaja kwa KRA</translation>
        </message>
        <message>
            <source>Name on this computer</source>
            <translation>Jina kwenye kompyuta hii</translation>
        </message>
        <message>
            <source>KRA PIN</source>
            <translation>KRA PIN</translation>
        </message>
        <message>
            <source>Branch id</source>
            <translation>Nambari ya tawi</translation>
        </message>
        <message>
            <source>00 is the head office.</source>
            <translation>00 ni ofisi kuu.</translation>
        </message>
        <message>
            <source>Device serial number</source>
            <translation>Nambari ya serial ya kifaa</translation>
        </message>
    </context>
    <context>
        <name>ImportAcceptDialog</name>
        <message>
            <source>Accept import: %1</source>
            <translation>Kubali bidhaa ya kuagiza nje: %1</translation>
        </message>
        <message>
            <source>Customs declared %1 of "%2" for you.</source>
            <translation>Forodha imetangaza %1 ya "%2" kwa ajili yako.</translation>
        </message>
        <message>
            <source>Create a new item from it</source>
            <translation>Tengeneza bidhaa mpya kutoka kwake</translation>
        </message>
        <message>
            <source>type to search KRA's classification, e.g. 'oil'</source>
            <translation>andika kutafuta kundi la KRA, k.m. 'mafuta'</translation>
        </message>
        <message>
            <source>shelf price including VAT, e.g. 250.00</source>
            <translation>bei ya dukani ikiwemo VAT, k.m. 250.00</translation>
        </message>
        <message>
            <source>&amp;Your item</source>
            <translation>&amp;Bidhaa yako</translation>
        </message>
        <message>
            <source>&amp;Classification</source>
            <translation>&amp;Kundi la KRA</translation>
        </message>
        <message>
            <source>&amp;Price incl. VAT</source>
            <translation>&amp;Bei ikiwemo VAT</translation>
        </message>
        <message>
            <source>After you accept: the quantity is added to your stock and KRA is told at the next sync.</source>
            <translation>Ukikubali: idadi hii inaongezwa kwenye stoki yako na KRA inaarifiwa katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>&amp;Accept import</source>
            <translation>&amp;Kubali bidhaa hii</translation>
        </message>
        <message>
            <source>No classification matches. Sync a device to get KRA's list.</source>
            <translation>Hakuna kundi linalolingana. Sawazisha kifaa upate orodha ya KRA.</translation>
        </message>
        <message>
            <source>Pick the item's KRA classification from the list (type part of its name).</source>
            <translation>Chagua kundi la KRA la bidhaa kutoka kwenye orodha (andika sehemu ya jina lake).</translation>
        </message>
        <message>
            <source>Enter the price you will sell it for, including VAT, e.g. 250.00.</source>
            <translation>Weka bei utakayouzia, ikiwemo VAT, k.m. 250.00.</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import sales</source>
            <translation>Leta mauzo kutoka faili</translation>
        </message>
        <message>
            <source>a CSV or JSON file exported from your POS</source>
            <translation>faili ya CSV au JSON iliyotolewa na POS yako</translation>
        </message>
        <message>
            <source>&amp;Choose file...</source>
            <translation>&amp;Chagua faili...</translation>
        </message>
        <message>
            <source>A CSV file with a header row and one row per sale line: invoice_no, date (24/11/2026, day first, or 2026-11-24; a time may follow: 24/11/2026 14:05), item_code, qty; optional unit_price, discount, buyer_pin, buyer_name, payment_type. Or the same as JSON.</source>
            <translation>Faili ya CSV yenye mstari wa vichwa na mstari mmoja kwa kila mstari wa mauzo: invoice_no, date (24/11/2026, siku kwanza, au 2026-11-24; saa inaweza kufuata: 24/11/2026 14:05), item_code, qty; si lazima: unit_price, discount, buyer_pin, buyer_name, payment_type. Au vivyo hivyo kama JSON.</translation>
        </message>
        <message>
            <source>Invoice no.</source>
            <translation>Nambari ya ankara</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarehe</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Mistari</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>Mnunuzi</translation>
        </message>
        <message>
            <source>Total (KSh)</source>
            <translation>Jumla (KSh)</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Mstari</translation>
        </message>
        <message>
            <source>What is wrong</source>
            <translation>Kosa ni nini</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Leta</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Funga</translation>
        </message>
        <message>
            <source>&amp;Device</source>
            <translation>&amp;Kifaa</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Faili</translation>
        </message>
        <message>
            <source>Choose the sales file</source>
            <translation>Chagua faili ya mauzo</translation>
        </message>
        <message>
            <source>Sales files (*.csv *.json);;All files (*)</source>
            <translation>Faili za mauzo (*.csv *.json);;Faili zote (*)</translation>
        </message>
        <message>
            <source>Reading %1...</source>
            <translation>Inasoma %1...</translation>
        </message>
        <message>
            <source>%1 row(s) have problems (listed below). Nothing will be imported until the file is fixed: correct it in your POS or a spreadsheet and choose it again. %2 sale(s) read fine.</source>
            <translation>Mistari %1 ina matatizo (yameorodheshwa hapa chini). Hakuna kitakacholetwa mpaka faili irekebishwe: irekebishe kwenye POS yako au spreadsheet kisha uichague tena. Mauzo %2 yamesomeka vizuri.</translation>
        </message>
        <message>
            <source>The file holds no sales.</source>
            <translation>Faili haina mauzo.</translation>
        </message>
        <message>
            <source>%1 sale(s), %2 line(s), total %3. Sales imported before are skipped, never doubled.</source>
            <translation>Mauzo %1, mistari %2, jumla %3. Mauzo yaliyoletwa awali yanarukwa, hayarudiwi kamwe.</translation>
        </message>
        <message>
            <source>Importing...</source>
            <translation>Inaleta...</translation>
        </message>
        <message>
            <source>Imported %1 new sale(s); %2 were imported before and were skipped. They are queued for KRA: Sync sends them.</source>
            <translation>Mauzo mapya %1 yameletwa; %2 yalikuwa yameletwa awali na yamerukwa. Yako kwenye foleni ya KRA: Sawazisha inayatuma.</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <source>A - Exempt</source>
            <translation>A - Imesamehewa kodi</translation>
        </message>
        <message>
            <source>B - VAT 16%</source>
            <translation>B - VAT 16%</translation>
        </message>
        <message>
            <source>C - Zero rated</source>
            <translation>C - Kodi sifuri (zero rated)</translation>
        </message>
        <message>
            <source>D - Non-VAT</source>
            <translation>D - Isiyo na VAT</translation>
        </message>
        <message>
            <source>E - VAT 8%</source>
            <translation>E - VAT 8%</translation>
        </message>
        <message>
            <source>Edit item</source>
            <translation>Badilisha bidhaa</translation>
        </message>
        <message>
            <source>New item</source>
            <translation>Bidhaa mpya</translation>
        </message>
        <message>
            <source>generated when you save</source>
            <translation>itatengenezwa ukihifadhi</translation>
        </message>
        <message>
            <source>type to search KRA's classification, e.g. 'flour'</source>
            <translation>andika kutafuta kundi la KRA, k.m. 'unga'</translation>
        </message>
        <message>
            <source>shelf price including VAT, e.g. 250.00</source>
            <translation>bei ya dukani ikiwemo VAT, k.m. 250.00</translation>
        </message>
        <message>
            <source>Active (can be sold)</source>
            <translation>Inatumika (inaweza kuuzwa)</translation>
        </message>
        <message>
            <source>Part of the item code; make a new item to change it.</source>
            <translation>Ni sehemu ya code ya bidhaa; tengeneza bidhaa mpya ili kuibadilisha.</translation>
        </message>
        <message>
            <source>Item code</source>
            <translation>Code ya bidhaa</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Jina</translation>
        </message>
        <message>
            <source>&amp;Classification</source>
            <translation>&amp;Kundi la KRA</translation>
        </message>
        <message>
            <source>Item &amp;type</source>
            <translation>&amp;Aina ya bidhaa</translation>
        </message>
        <message>
            <source>&amp;Packaging unit</source>
            <translation>Kipimo cha &amp;kifurushi</translation>
        </message>
        <message>
            <source>&amp;Quantity unit</source>
            <translation>Kipimo cha &amp;idadi</translation>
        </message>
        <message>
            <source>Ta&amp;x type</source>
            <translation>Aina ya &amp;kodi</translation>
        </message>
        <message>
            <source>&amp;Price incl. VAT</source>
            <translation>&amp;Bei ikiwemo VAT</translation>
        </message>
        <message>
            <source>&amp;Barcode</source>
            <translation>Ba&amp;rcode</translation>
        </message>
        <message>
            <source>No classification matches. Sync a device to get KRA's list.</source>
            <translation>Hakuna kundi linalolingana. Sawazisha kifaa upate orodha ya KRA.</translation>
        </message>
        <message>
            <source>Give the item a name.</source>
            <translation>Ipe bidhaa jina.</translation>
        </message>
        <message>
            <source>Pick the item's KRA classification from the list (type part of its name).</source>
            <translation>Chagua kundi la KRA la bidhaa kutoka kwenye orodha (andika sehemu ya jina lake).</translation>
        </message>
        <message>
            <source>The price must be more than 0, for example 250.00.</source>
            <translation>Bei lazima iwe zaidi ya 0, kwa mfano 250.00.</translation>
        </message>
        <message>
            <source>Enter the price including VAT, e.g. 250.00.</source>
            <translation>Weka bei ikiwemo VAT, k.m. 250.00.</translation>
        </message>
    </context>
    <context>
        <name>ItemTableModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Jina</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Kundi</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Kodi</translation>
        </message>
        <message>
            <source>Price (KSh, incl. VAT)</source>
            <translation>Bei (KSh, ikiwemo VAT)</translation>
        </message>
        <message>
            <source>In stock: %1</source>
            <translation>Stoki: %1</translation>
        </message>
        <message>
            <source>KRA: %1</source>
            <translation>KRA: %1</translation>
        </message>
        <message>
            <source>%1 (inactive)</source>
            <translation>%1 (haitumiki)</translation>
        </message>
        <message>
            <source>not registered</source>
            <translation>haijasajiliwa</translation>
        </message>
        <message>
            <source>registered %1</source>
            <translation>imesajiliwa %1</translation>
        </message>
        <message>
            <source>no stock (a service)</source>
            <translation>haina stoki (ni huduma)</translation>
        </message>
        <message>
            <source>%1 (below zero: record what came in)</source>
            <translation>%1 (chini ya sifuri: rekodi kilichoingia)</translation>
        </message>
    </context>
    <context>
        <name>ItemsTab</name>
        <message>
            <source>Search by name, code or class</source>
            <translation>Tafuta kwa jina, code au kundi</translation>
        </message>
        <message>
            <source>&amp;Add item...</source>
            <translation>&amp;Ongeza bidhaa...</translation>
        </message>
        <message>
            <source>&amp;Edit...</source>
            <translation>&amp;Badilisha...</translation>
        </message>
        <message>
            <source>Adjust &amp;stock...</source>
            <translation>Rekebisha &amp;stoki...</translation>
        </message>
        <message>
            <source>Opening stock, goods received, damage or a stock count</source>
            <translation>Stoki ya kuanzia, bidhaa zilizopokelewa, zilizoharibika au hesabu ya stoki</translation>
        </message>
        <message>
            <source>Which device KRA should know the items on</source>
            <translation>Kifaa ambacho KRA inapaswa kujua bidhaa zake</translation>
        </message>
        <message>
            <source>&amp;Register selected</source>
            <translation>&amp;Sajili ulizochagua</translation>
        </message>
        <message>
            <source>Register a&amp;ll</source>
            <translation>Sajili &amp;zote</translation>
        </message>
        <message>
            <source>Register every item KRA does not know yet</source>
            <translation>Sajili kila bidhaa ambayo KRA bado haijui</translation>
        </message>
        <message>
            <source>KRA registration on:</source>
            <translation>Usajili wa KRA kwenye:</translation>
        </message>
        <message>
            <source>All devices</source>
            <translation>Vifaa vyote</translation>
        </message>
        <message>
            <source>Select an item to edit.</source>
            <translation>Chagua bidhaa ya kubadilisha.</translation>
        </message>
        <message>
            <source>Select the item whose stock you want to adjust.</source>
            <translation>Chagua bidhaa ambayo stoki yake unataka kurekebisha.</translation>
        </message>
        <message>
            <source>Saved %1 (%2). KRA learns about it at the next sale or when you register it.</source>
            <translation>Imehifadhiwa %1 (%2). KRA itaijua katika mauzo yajayo au ukiisajili.</translation>
        </message>
        <message>
            <source>Select the items to register, or use Register all.</source>
            <translation>Chagua bidhaa za kusajili, au tumia Sajili zote.</translation>
        </message>
        <message>
            <source>Registering with KRA...</source>
            <translation>Inasajili na KRA...</translation>
        </message>
        <message>
            <source>Add a device first: items are registered on a device.</source>
            <translation>Kwanza ongeza kifaa: bidhaa zinasajiliwa kwenye kifaa.</translation>
        </message>
    </context>
    <context>
        <name>KeyPage</name>
        <message>
            <source>Connect the device to KRA</source>
            <translation>Unganisha kifaa na KRA</translation>
        </message>
        <message>
            <source>KRA gives each device a secret CMC key once. The app keeps it in your computer's keyring.</source>
            <translation>KRA inatoa CMC key ya siri kwa kila kifaa mara moja tu. Programu inaiweka kwenye keyring ya kompyuta yako.</translation>
        </message>
        <message>
            <source>Initialise with KRA now (the first time this device is set up)</source>
            <translation>Anzisha na KRA sasa (mara ya kwanza kifaa hiki kinawekwa)</translation>
        </message>
        <message>
            <source>Enter the key I already have (the device was set up with another program)</source>
            <translation>Weka key niliyo nayo tayari (kifaa kiliwekwa kwa programu nyingine)</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>si lazima</translation>
        </message>
        <message>
            <source>paste the CMC key - it is never shown again</source>
            <translation>bandika CMC key - haitaonyeshwa tena</translation>
        </message>
        <message>
            <source>SCU id</source>
            <translation>SCU id</translation>
        </message>
        <message>
            <source>MRC number</source>
            <translation>Nambari ya MRC</translation>
        </message>
        <message>
            <source>CMC key</source>
            <translation>CMC key</translation>
        </message>
        <message>
            <source>Where the key is kept</source>
            <translation>Key inawekwa wapi</translation>
        </message>
        <message>
            <source>How to connect</source>
            <translation>Jinsi ya kuunganisha</translation>
        </message>
        <message>
            <source>KRA (production)</source>
            <translation>KRA (production)</translation>
        </message>
        <message>
            <source>KRA's test system (sandbox)</source>
            <translation>Mfumo wa majaribio wa KRA (sandbox)</translation>
        </message>
        <message>
            <source>%1: %2 device, KRA PIN %3, branch %4, serial %5, talking to %6.</source>
            <translation>%1: kifaa cha %2, KRA PIN %3, tawi %4, serial %5, kinaongea na %6.</translation>
        </message>
        <message>
            <source>This device is already initialised; initialising it again could break it.</source>
            <translation>Kifaa hiki kimeshaanzishwa na KRA; kukianzisha tena kunaweza kukiharibu.</translation>
        </message>
        <message>
            <source>Initialise with KRA</source>
            <translation>Anzisha na KRA</translation>
        </message>
        <message>
            <source>Save the key</source>
            <translation>Hifadhi key</translation>
        </message>
        <message>
            <source>KRA gives the key only once, and the app never shows it. Kept only while the app is open, it would be lost for good when you close it. Choose the password-locked file above first.</source>
            <translation>KRA inatoa key mara moja tu, na programu haiionyeshi kamwe. Ikiwekwa tu wakati programu iko wazi, ingepotea kabisa ukiifunga. Kwanza chagua faili iliyofungwa kwa nenosiri hapo juu.</translation>
        </message>
        <message>
            <source>Talking to KRA…</source>
            <translation>Inaongea na KRA…</translation>
        </message>
        <message>
            <source>Done. SCU id %1. The key is kept in %3. KRA status: %2.</source>
            <translation>Imekamilika. SCU id %1. Key imewekwa katika %3. Hali na KRA: %2.</translation>
        </message>
    </context>
    <context>
        <name>KeyringChoice</name>
        <message>
            <source>Keep keys only while the app is open (type them again after a restart)</source>
            <translation>Weka key wakati programu iko wazi tu (ziandike tena baada ya kuifungua upya)</translation>
        </message>
        <message>
            <source>Save keys in a file locked with a password you choose</source>
            <translation>Hifadhi key kwenye faili iliyofungwa kwa nenosiri utakalochagua</translation>
        </message>
        <message>
            <source>Use the locked file</source>
            <translation>Tumia faili iliyofungwa</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Nenosiri</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Nenosiri tena</translation>
        </message>
        <message>
            <source>This computer has no keyring (the system's safe place for passwords), so the app cannot keep your device's CMC key there. Choose what to do:</source>
            <translation>Kompyuta hii haina keyring (mahali salama pa mfumo pa kuweka nenosiri), kwa hiyo programu haiwezi kuweka CMC key ya kifaa chako hapo. Chagua la kufanya:</translation>
        </message>
        <message>
            <source>Use my password-locked key file</source>
            <translation>Tumia faili yangu ya key iliyofungwa kwa nenosiri</translation>
        </message>
        <message>
            <source>Choose a password of at least %1 characters.</source>
            <translation>Chagua nenosiri lenye herufi %1 au zaidi.</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>Nenosiri mbili hazilingani.</translation>
        </message>
        <message>
            <source>Keys are kept in the password-locked file %1.</source>
            <translation>Key zinawekwa kwenye faili iliyofungwa kwa nenosiri %1.</translation>
        </message>
    </context>
    <context>
        <name>KeyringDialog</name>
        <message>
            <source>Where to keep CMC keys</source>
            <translation>Mahali pa kuweka CMC key</translation>
        </message>
    </context>
    <context>
        <name>LanguageChoice</name>
        <message>
            <source>Language</source>
            <translation>Lugha</translation>
        </message>
        <message>
            <source>As my computer</source>
            <translation>Kama kompyuta yangu</translation>
        </message>
        <message>
            <source>A new language shows after you close the app and open it again.</source>
            <translation>Lugha mpya itaonekana ukifunga programu na kuifungua tena.</translation>
        </message>
        <message>
            <source>Words in the window</source>
            <translation>Maneno ya dirisha</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>KRA eTIMS devices and sales</source>
            <translation>Vifaa vya eTIMS vya KRA na mauzo</translation>
        </message>
        <message>
            <source>&amp;Devices</source>
            <translation>&amp;Vifaa</translation>
        </message>
        <message>
            <source>&amp;Sales</source>
            <translation>&amp;Mauzo</translation>
        </message>
        <message>
            <source>&amp;Items</source>
            <translation>&amp;Bidhaa</translation>
        </message>
        <message>
            <source>&amp;Purchases</source>
            <translation>&amp;Ununuzi</translation>
        </message>
        <message>
            <source>&amp;Today</source>
            <translation>&amp;Leo</translation>
        </message>
        <message>
            <source>&amp;New sale… (Ctrl+N in the Sales tab)</source>
            <translation>Mauzo &amp;mapya… (Ctrl+N kwenye kichupo cha Mauzo)</translation>
        </message>
        <message>
            <source>Sync &amp;all</source>
            <translation>Sawazisha &amp;vyote</translation>
        </message>
        <message>
            <source>Check every device and send what waits (F5)</source>
            <translation>Kagua kila kifaa na utume kinachosubiri (F5)</translation>
        </message>
        <message>
            <source>Sync &amp;selected device</source>
            <translation>Sawazisha kifaa &amp;ulichochagua</translation>
        </message>
        <message>
            <source>Sync only the selected device</source>
            <translation>Sawazisha kifaa ulichochagua tu</translation>
        </message>
        <message>
            <source>&amp;Add device…</source>
            <translation>&amp;Ongeza kifaa…</translation>
        </message>
        <message>
            <source>&amp;Practice mode</source>
            <translation>Hali ya &amp;mazoezi</translation>
        </message>
        <message>
            <source>Start the built-in practice KRA with one OSCU and one VSCU practice device</source>
            <translation>Anzisha KRA ya mazoezi iliyomo ndani yenye kifaa kimoja cha mazoezi cha OSCU na kimoja cha VSCU</translation>
        </message>
        <message>
            <source>&amp;Leave practice mode…</source>
            <translation>&amp;Toka kwenye hali ya mazoezi…</translation>
        </message>
        <message>
            <source>Remove the PRACTICE devices and stop the practice KRA; your real devices stay</source>
            <translation>Ondoa vifaa vya MAZOEZI na usimamishe KRA ya mazoezi; vifaa vyako halisi vinabaki</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>&amp;Mipangilio…</translation>
        </message>
        <message>
            <source>&amp;Diagnostics…</source>
            <translation>&amp;Uchunguzi wa matatizo…</translation>
        </message>
        <message>
            <source>Show &amp;details</source>
            <translation>Onyesha &amp;maelezo</translation>
        </message>
        <message>
            <source>Show &amp;retired devices</source>
            <translation>Onyesha vifaa &amp;vilivyostaafishwa</translation>
        </message>
        <message>
            <source>Also list removed devices that signed sales: their sales and receipts are kept</source>
            <translation>Orodhesha pia vifaa vilivyoondolewa vilivyosaini mauzo: mauzo na risiti zao zimehifadhiwa</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Tengeneza nakala ya akiba sasa</translation>
        </message>
        <message>
            <source>Make a checked copy of the database now (copies are also made daily)</source>
            <translation>Tengeneza nakala iliyokaguliwa ya data sasa (nakala pia zinatengenezwa kila siku)</translation>
        </message>
        <message>
            <source>&amp;Restore from a backup…</source>
            <translation>&amp;Rejesha kutoka nakala ya akiba…</translation>
        </message>
        <message>
            <source>Put a backup back in place of the current data (a copy of it is kept)</source>
            <translation>Rudisha nakala ya akiba mahali pa data ya sasa (nakala yake inawekwa)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Funga programu</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;Kuhusu</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Kuu</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Faili</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Tazama</translation>
        </message>
        <message>
            <source>S&amp;ync</source>
            <translation>Sa&amp;wazisha</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Msaada</translation>
        </message>
        <message>
            <source>Choose where keys are kept…</source>
            <translation>Chagua mahali key zinawekwa…</translation>
        </message>
        <message>
            <source>Leave practice mode…</source>
            <translation>Toka kwenye hali ya mazoezi…</translation>
        </message>
        <message>
            <source>Sync all</source>
            <translation>Sawazisha vyote</translation>
        </message>
        <message>
            <source>Check every device and send what waits, then report (F5)</source>
            <translation>Kagua kila kifaa, tuma kinachosubiri, kisha utoe ripoti (F5)</translation>
        </message>
        <message>
            <source>Add device…</source>
            <translation>Ongeza kifaa…</translation>
        </message>
        <message>
            <source>Your eTIMS devices</source>
            <translation>Vifaa vyako vya eTIMS</translation>
        </message>
        <message>
            <source>This tab could not open: %1</source>
            <translation>Kichupo hiki hakikufunguka: %1</translation>
        </message>
        <message>
            <source>Your real devices are set up. The PRACTICE devices only talk to the practice KRA inside this app; leave practice mode to remove them.</source>
            <translation>Vifaa vyako halisi vimewekwa. Vifaa vya MAZOEZI vinaongea tu na KRA ya mazoezi iliyomo ndani ya programu hii; toka kwenye hali ya mazoezi ili uviondoe.</translation>
        </message>
        <message>
            <source>%1 of %2 devices online</source>
            <translation>Vifaa %1 kati ya %2 viko mtandaoni</translation>
        </message>
        <message>
            <source>No devices yet</source>
            <translation>Bado hakuna kifaa</translation>
        </message>
        <message>
            <source>Device retired: its sales and receipts stay in the Sales tab (View &gt; Show retired devices).</source>
            <translation>Kifaa kimestaafishwa: mauzo na risiti zake zinabaki kwenye kichupo cha Mauzo (Tazama &gt; Onyesha vifaa vilivyostaafishwa).</translation>
        </message>
        <message>
            <source>Device deleted.</source>
            <translation>Kifaa kimefutwa.</translation>
        </message>
        <message>
            <source>Reconnect to the practice KRA</source>
            <translation>Unganisha tena na KRA ya mazoezi</translation>
        </message>
        <message>
            <source>Initialise / enter key…</source>
            <translation>Anzisha na KRA / weka key…</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Inasawazisha…</translation>
        </message>
        <message>
            <source>Syncing… you can keep working.</source>
            <translation>Inasawazisha… unaweza kuendelea na kazi.</translation>
        </message>
        <message>
            <source>Sync finished. The report is under the board.</source>
            <translation>Usawazishaji umekwisha. Ripoti iko chini ya orodha ya vifaa.</translation>
        </message>
        <message>
            <source>Starting practice mode…</source>
            <translation>Inaanzisha hali ya mazoezi…</translation>
        </message>
        <message>
            <source>Practice mode is on</source>
            <translation>Hali ya mazoezi imewashwa</translation>
        </message>
        <message>
            <source>The PRACTICE devices talk to a practice KRA inside this app, never to the real one.</source>
            <translation>Vifaa vya MAZOEZI vinaongea na KRA ya mazoezi iliyomo ndani ya programu hii, kamwe si KRA halisi.</translation>
        </message>
        <message>
            <source>Practice mode is on: the PRACTICE devices talk to a practice KRA inside this app.</source>
            <translation>Hali ya mazoezi imewashwa: vifaa vya MAZOEZI vinaongea na KRA ya mazoezi iliyomo ndani ya programu hii.</translation>
        </message>
        <message>
            <source>Leave practice mode</source>
            <translation>Toka kwenye hali ya mazoezi</translation>
        </message>
        <message>
            <source>Remove the PRACTICE devices and their practice sales, and stop the practice KRA? Your real devices, their sales and your items stay.</source>
            <translation>Uondoe vifaa vya MAZOEZI na mauzo yao ya mazoezi, na usimamishe KRA ya mazoezi? Vifaa vyako halisi, mauzo yao na bidhaa zako vinabaki.</translation>
        </message>
        <message>
            <source>Leaving practice mode…</source>
            <translation>Inatoka kwenye hali ya mazoezi…</translation>
        </message>
        <message>
            <source>Practice mode is off: %1 practice devices removed.</source>
            <translation>Hali ya mazoezi imezimwa: vifaa %1 vya mazoezi vimeondolewa.</translation>
        </message>
        <message>
            <source>Practice mode is still on</source>
            <translation>Hali ya mazoezi bado imewashwa</translation>
        </message>
        <message>
            <source>Practice mode did not start</source>
            <translation>Hali ya mazoezi haikuanza</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Mipangilio imehifadhiwa.</translation>
        </message>
        <message>
            <source>About etims-desktop</source>
            <translation>Kuhusu etims-desktop</translation>
        </message>
        <message>
            <source>etims-desktop %1
Honest KRA eTIMS sync for OSCU and VSCU devices.</source>
            <translation>etims-desktop %1
Usawazishaji wa kweli wa eTIMS ya KRA kwa vifaa vya OSCU na VSCU.</translation>
        </message>
        <message>
            <source>Keys: %1</source>
            <translation>Key: %1</translation>
        </message>
        <message>
            <source>CMC keys are kept only while the app runs.</source>
            <translation>CMC key zinawekwa tu wakati programu inaendelea.</translation>
        </message>
        <message>
            <source>CMC keys are kept here, never in the database or logs.</source>
            <translation>CMC key zinawekwa hapa, kamwe si kwenye data au kumbukumbu.</translation>
        </message>
        <message>
            <source>Your device keys are in a password-protected file. Until you unlock it, real devices cannot sign sales (their sales wait safely).</source>
            <translation>Key za vifaa vyako ziko kwenye faili iliyolindwa kwa nenosiri. Mpaka uifungue, vifaa halisi haviwezi kusaini mauzo (mauzo yao yanasubiri salama).</translation>
        </message>
        <message>
            <source>Unlock the key file…</source>
            <translation>Fungua faili ya key…</translation>
        </message>
        <message>
            <source>This computer has no keyring, so device keys are kept only while the app is open. You can keep them in a file locked with a password instead.</source>
            <translation>Kompyuta hii haina keyring, kwa hiyo key za vifaa zinawekwa tu wakati programu iko wazi. Unaweza badala yake kuziweka kwenye faili iliyofungwa kwa nenosiri.</translation>
        </message>
        <message>
            <source>Reconnecting the practice devices…</source>
            <translation>Inaunganisha tena vifaa vya mazoezi…</translation>
        </message>
        <message>
            <source>The practice devices are connected again.</source>
            <translation>Vifaa vya mazoezi vimeunganishwa tena.</translation>
        </message>
    </context>
    <context>
        <name>ManualPurchaseDialog</name>
        <message>
            <source>Record a purchase without eTIMS</source>
            <translation>Rekodi ununuzi usio na eTIMS</translation>
        </message>
        <message>
            <source>For goods bought from a supplier who does not use eTIMS (a market, a farmer). KRA is told about the purchase at the next sync, and the goods are added to your stock.</source>
            <translation>Kwa bidhaa ulizonunua kwa msambazaji asiyetumia eTIMS (sokoni, kwa mkulima). KRA inaarifiwa kuhusu ununuzi huu katika usawazishaji ujao, na bidhaa zinaongezwa kwenye stoki yako.</translation>
        </message>
        <message>
            <source>e.g. Mama Mboga, Gikomba market</source>
            <translation>k.m. Mama Mboga, soko la Gikomba</translation>
        </message>
        <message>
            <source>&amp;Supplier's name</source>
            <translation>&amp;Jina la msambazaji</translation>
        </message>
        <message>
            <source>&amp;Date bought</source>
            <translation>&amp;Tarehe ya kununua</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Bidhaa</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Idadi</translation>
        </message>
        <message>
            <source>Price paid for one (KSh)</source>
            <translation>Bei ya moja uliyolipa (KSh)</translation>
        </message>
        <message>
            <source>Add another &amp;line</source>
            <translation>Ongeza &amp;mstari mwingine</translation>
        </message>
        <message>
            <source>&amp;Record purchase</source>
            <translation>&amp;Rekodi ununuzi</translation>
        </message>
        <message>
            <source>Add the items you buy in the Items tab first.</source>
            <translation>Kwanza ongeza bidhaa unazonunua kwenye kichupo cha Bidhaa.</translation>
        </message>
        <message>
            <source>(choose an item)</source>
            <translation>(chagua bidhaa)</translation>
        </message>
        <message>
            <source>e.g. 10</source>
            <translation>k.m. 10</translation>
        </message>
        <message>
            <source>e.g. 150.00</source>
            <translation>k.m. 150.00</translation>
        </message>
        <message>
            <source>Line %1: choose the item you bought.</source>
            <translation>Mstari %1: chagua bidhaa uliyonunua.</translation>
        </message>
        <message>
            <source>Line %1: write how many you bought as a number above 0, e.g. 10.</source>
            <translation>Mstari %1: andika idadi uliyonunua kwa nambari zaidi ya 0, k.m. 10.</translation>
        </message>
        <message>
            <source>Line %1: write the price you paid for one, e.g. 150.00.</source>
            <translation>Mstari %1: andika bei uliyolipa kwa moja, k.m. 150.00.</translation>
        </message>
        <message>
            <source>Add at least one item you bought.</source>
            <translation>Ongeza angalau bidhaa moja uliyonunua.</translation>
        </message>
        <message>
            <source>Write the supplier's name (who you bought from).</source>
            <translation>Andika jina la msambazaji (uliyenunua kwake).</translation>
        </message>
        <message>
            <source>Purchase from %1 recorded. The goods are in your stock; KRA is told at the next sync.</source>
            <translation>Ununuzi kutoka kwa %1 umerekodiwa. Bidhaa ziko kwenye stoki yako; KRA inaarifiwa katika usawazishaji ujao.</translation>
        </message>
    </context>
    <context>
        <name>OutboxTableModel</name>
        <message>
            <source>Your invoice no.</source>
            <translation>Nambari yako ya ankara</translation>
        </message>
        <message>
            <source>eTIMS no.</source>
            <translation>Nambari ya eTIMS</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Ilirekodiwa</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Hali</translation>
        </message>
        <message>
            <source>Reason / receipt</source>
            <translation>Sababu / risiti</translation>
        </message>
        <message>
            <source>Tries</source>
            <translation>Majaribio</translation>
        </message>
    </context>
    <context>
        <name>PracticeBadge</name>
        <message>
            <source>PRACTICE</source>
            <translation>MAZOEZI</translation>
        </message>
        <message>
            <source>Practice device: it talks to the built-in practice KRA, never to the real one.</source>
            <translation>Kifaa cha mazoezi: kinaongea na KRA ya mazoezi iliyomo ndani, kamwe si KRA halisi.</translation>
        </message>
    </context>
    <context>
        <name>PurchaseAcceptDialog</name>
        <message>
            <source>Accept invoice from %1</source>
            <translation>Kubali ankara kutoka kwa %1</translation>
        </message>
        <message>
            <source>For each line of the supplier's invoice, choose the item of your item list it is. The best match by name is already chosen; pick "Create a new item" if you do not sell it yet.</source>
            <translation>Kwa kila mstari wa ankara ya msambazaji, chagua bidhaa yako inayolingana nao. Inayofanana zaidi kwa jina imeshachaguliwa; chagua "Tengeneza bidhaa mpya" kama bado huiuzi.</translation>
        </message>
        <message>
            <source>Supplier's line</source>
            <translation>Mstari wa msambazaji</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Idadi</translation>
        </message>
        <message>
            <source>Price (KSh)</source>
            <translation>Bei (KSh)</translation>
        </message>
        <message>
            <source>Your item</source>
            <translation>Bidhaa yako</translation>
        </message>
        <message>
            <source>Create a new item: %1</source>
            <translation>Tengeneza bidhaa mpya: %1</translation>
        </message>
        <message>
            <source>After you accept: the goods are added to your stock, and the confirmation is sent to KRA at the next sync.</source>
            <translation>Ukikubali: bidhaa zinaongezwa kwenye stoki yako, na uthibitisho unatumwa KRA katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>&amp;Accept invoice</source>
            <translation>&amp;Kubali ankara</translation>
        </message>
        <message>
            <source>Saving...</source>
            <translation>Inahifadhi...</translation>
        </message>
        <message>
            <source>Invoice %1 from %2 accepted. The goods are in your stock; the confirmation goes to KRA at the next sync.</source>
            <translation>Ankara %1 kutoka kwa %2 imekubaliwa. Bidhaa ziko kwenye stoki yako; uthibitisho unakwenda KRA katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>New items added to your item list: %1.</source>
            <translation>Bidhaa mpya zimeongezwa kwenye orodha yako: %1.</translation>
        </message>
    </context>
    <context>
        <name>PurchaseWords</name>
        <message>
            <source>Recorded by you</source>
            <translation>Umeirekodi wewe</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Imekubaliwa</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Imekataliwa</translation>
        </message>
        <message>
            <source>New - accept or reject it</source>
            <translation>Mpya - ikubali au uikatae</translation>
        </message>
        <message>
            <source>KRA has it</source>
            <translation>KRA imeipata</translation>
        </message>
        <message>
            <source>KRA refused it - needs your fix</source>
            <translation>KRA imeikataa - inahitaji urekebishe</translation>
        </message>
        <message>
            <source>cancelled - not sent to KRA</source>
            <translation>imeghairiwa - haitatumwa KRA</translation>
        </message>
        <message>
            <source>waiting - sent to KRA at the next sync</source>
            <translation>inasubiri - inatumwa KRA katika usawazishaji ujao</translation>
        </message>
    </context>
    <context>
        <name>PurchasesTab</name>
        <message>
            <source>The device whose purchases you see (KRA keeps them per branch)</source>
            <translation>Kifaa ambacho ununuzi wake unaona (KRA inauweka kwa kila tawi)</translation>
        </message>
        <message>
            <source>&amp;Get from KRA</source>
            <translation>&amp;Pata kutoka KRA</translation>
        </message>
        <message>
            <source>Ask KRA for new suppliers' invoices and customs import lines</source>
            <translation>Omba KRA ankara mpya za wasambazaji na bidhaa za kuagiza nje</translation>
        </message>
        <message>
            <source>Record a purchase &amp;without eTIMS...</source>
            <translation>Rekodi ununuzi &amp;usio na eTIMS...</translation>
        </message>
        <message>
            <source>Goods bought from a supplier who gives no eTIMS invoice</source>
            <translation>Bidhaa ulizonunua kwa msambazaji asiyetoa ankara ya eTIMS</translation>
        </message>
        <message>
            <source>Device:</source>
            <translation>Kifaa:</translation>
        </message>
        <message>
            <source>Suppliers' invoices</source>
            <translation>Ankara za wasambazaji</translation>
        </message>
        <message>
            <source>Customs imports</source>
            <translation>Bidhaa za kuagiza nje</translation>
        </message>
        <message>
            <source>Suppliers who use eTIMS send their invoices to KRA under your PIN. Press Get from KRA, then accept each invoice (the goods come into your stock) or reject it.</source>
            <translation>Wasambazaji wanaotumia eTIMS hutuma ankara zao KRA kwa PIN yako. Bonyeza Pata kutoka KRA, kisha ukubali kila ankara (bidhaa zinaingia kwenye stoki yako) au uikatae.</translation>
        </message>
        <message>
            <source>Supplier</source>
            <translation>Msambazaji</translation>
        </message>
        <message>
            <source>Invoice no.</source>
            <translation>Nambari ya ankara</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarehe</translation>
        </message>
        <message>
            <source>Total (KSh)</source>
            <translation>Jumla (KSh)</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Hali</translation>
        </message>
        <message>
            <source>Choose an invoice to see its lines and tax.</source>
            <translation>Chagua ankara uone mistari yake na kodi.</translation>
        </message>
        <message>
            <source>&amp;Accept...</source>
            <translation>&amp;Kubali...</translation>
        </message>
        <message>
            <source>&amp;Reject...</source>
            <translation>K&amp;ataa...</translation>
        </message>
        <message>
            <source>&amp;Send to KRA again</source>
            <translation>&amp;Tuma KRA tena</translation>
        </message>
        <message>
            <source>After you fixed what KRA refused</source>
            <translation>Baada ya kurekebisha kile KRA ilichokataa</translation>
        </message>
        <message>
            <source>&amp;Cancel sending...</source>
            <translation>&amp;Ghairi kutuma...</translation>
        </message>
        <message>
            <source>Give up a confirmation KRA refused</source>
            <translation>Acha uthibitisho ambao KRA imeukataa</translation>
        </message>
        <message>
            <source>Declaration</source>
            <translation>Tamko la forodha</translation>
        </message>
        <message>
            <source>Goods</source>
            <translation>Bidhaa</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Idadi</translation>
        </message>
        <message>
            <source>Accept as an &amp;item...</source>
            <translation>Kubali kama &amp;bidhaa...</translation>
        </message>
        <message>
            <source>Re&amp;ject...</source>
            <translation>Ka&amp;taa...</translation>
        </message>
        <message>
            <source>Send to KRA a&amp;gain</source>
            <translation>Tuma KRA t&amp;ena</translation>
        </message>
        <message>
            <source>Cancel se&amp;nding...</source>
            <translation>Ghairi ku&amp;tuma...</translation>
        </message>
        <message>
            <source>Goods customs cleared for you. Accept each line as an item of yours, or reject it.</source>
            <translation>Bidhaa ambazo forodha imekutolea. Kubali kila mstari kama bidhaa yako, au uukatae.</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>(hakuna jina)</translation>
        </message>
        <message>
            <source>Add a device first: KRA keeps purchases per device.</source>
            <translation>Kwanza ongeza kifaa: KRA inaweka ununuzi kwa kila kifaa.</translation>
        </message>
        <message>
            <source>KRA PIN %1</source>
            <translation>PIN ya KRA %1</translation>
        </message>
        <message>
            <source>Recorded by you (the supplier has no eTIMS).</source>
            <translation>Umeurekodi wewe (msambazaji hana eTIMS).</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Bidhaa</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Idadi</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Bei</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Kodi</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Kiasi</translation>
        </message>
        <message>
            <source>VAT</source>
            <translation>VAT</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Jumla</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>Hali:</translation>
        </message>
        <message>
            <source>Asking KRA for your suppliers' invoices and import lines...</source>
            <translation>Inaomba KRA ankara za wasambazaji wako na bidhaa za kuagiza nje...</translation>
        </message>
        <message>
            <source>KRA sent %1 new invoice(s) and %2 new import line(s).</source>
            <translation>KRA imetuma ankara mpya %1 na bidhaa mpya za kuagiza nje %2.</translation>
        </message>
        <message>
            <source>Choose a new invoice to accept.</source>
            <translation>Chagua ankara mpya ya kukubali.</translation>
        </message>
        <message>
            <source>Choose a new invoice to reject.</source>
            <translation>Chagua ankara mpya ya kukataa.</translation>
        </message>
        <message>
            <source>Reject invoice %1 from %2? KRA is told at the next sync that you did not receive these goods. Nothing comes into your stock. You cannot undo this.</source>
            <translation>Ukatae ankara %1 kutoka kwa %2? KRA inaarifiwa katika usawazishaji ujao kwamba hukupokea bidhaa hizi. Hakuna kinachoingia kwenye stoki yako. Huwezi kubadilisha hili baadaye.</translation>
        </message>
        <message>
            <source>Reject invoice</source>
            <translation>Kataa ankara</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Kataa</translation>
        </message>
        <message>
            <source>Invoice %1 rejected. KRA is told at the next sync.</source>
            <translation>Ankara %1 imekataliwa. KRA inaarifiwa katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>Choose a new import line to accept.</source>
            <translation>Chagua bidhaa mpya ya kuagiza nje ya kukubali.</translation>
        </message>
        <message>
            <source>%1 accepted: the quantity is in your stock; KRA is told at the next sync.</source>
            <translation>%1 imekubaliwa: idadi iko kwenye stoki yako; KRA inaarifiwa katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>Choose a new import line to reject.</source>
            <translation>Chagua bidhaa mpya ya kuagiza nje ya kukataa.</translation>
        </message>
        <message>
            <source>Reject the import of %1? KRA is told at the next sync that these goods are not yours. Nothing comes into your stock. You cannot undo this.</source>
            <translation>Ukatae bidhaa ya kuagiza nje %1? KRA inaarifiwa katika usawazishaji ujao kwamba bidhaa hizi si zako. Hakuna kinachoingia kwenye stoki yako. Huwezi kubadilisha hili baadaye.</translation>
        </message>
        <message>
            <source>Reject import</source>
            <translation>Kataa bidhaa ya kuagiza nje</translation>
        </message>
        <message>
            <source>%1 rejected. KRA is told at the next sync.</source>
            <translation>%1 imekataliwa. KRA inaarifiwa katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>Choose a line KRA refused.</source>
            <translation>Chagua mstari ambao KRA imeukataa.</translation>
        </message>
        <message>
            <source>It goes to KRA again at the next sync.</source>
            <translation>Inakwenda KRA tena katika usawazishaji ujao.</translation>
        </message>
        <message>
            <source>Stop sending this to KRA? KRA never gets it; what comes after it is sent. You cannot undo this.</source>
            <translation>Uache kutuma hii KRA? KRA haitaipata kamwe; vinavyofuata vinatumwa. Huwezi kubadilisha hili baadaye.</translation>
        </message>
        <message>
            <source>Cancel sending</source>
            <translation>Ghairi kutuma</translation>
        </message>
        <message>
            <source>Stop sending</source>
            <translation>Acha kutuma</translation>
        </message>
        <message>
            <source>Cancelled: it will not be sent to KRA.</source>
            <translation>Imeghairiwa: haitatumwa KRA.</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Iache</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Onyesha maelezo...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Ficha maelezo...</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>Sawa</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Hifadhi</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Fungua</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ghairi</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Funga</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Tupa</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Tumia</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Rudisha</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Msaada</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Ndiyo</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Hapana</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Jaribu tena</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translation>Puuza</translation>
        </message>
        <message>
            <source>Abort</source>
            <translation>Acha</translation>
        </message>
    </context>
    <context>
        <name>QWizard</name>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Rudi</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Endelea &gt;</translation>
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation>&amp;Maliza</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ghairi</translation>
        </message>
        <message>
            <source>Commit</source>
            <translation>Thibitisha</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Msaada</translation>
        </message>
    </context>
    <context>
        <name>Receipt</name>
        <message>
            <source>58 mm thermal roll</source>
            <translation>Karatasi ya thermal ya mm 58</translation>
        </message>
        <message>
            <source>80 mm thermal roll</source>
            <translation>Karatasi ya thermal ya mm 80</translation>
        </message>
        <message>
            <source>A4 page</source>
            <translation>Ukurasa wa A4</translation>
        </message>
    </context>
    <context>
        <name>ReceiptPreview</name>
        <message>
            <source>Receipt</source>
            <translation>Risiti</translation>
        </message>
        <message>
            <source>&amp;Print...</source>
            <translation>&amp;Chapisha...</translation>
        </message>
        <message>
            <source>Save as P&amp;DF...</source>
            <translation>Hifadhi kama P&amp;DF...</translation>
        </message>
        <message>
            <source>Receipt p&amp;rinter</source>
            <translation>P&amp;rinta ya risiti</translation>
        </message>
        <message>
            <source>Print on the ESC/POS receipt printer set up in Settings (%1).</source>
            <translation>Chapisha kwenye printa ya risiti ya ESC/POS iliyowekwa kwenye Mipangilio (%1).</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Funga</translation>
        </message>
        <message>
            <source>&amp;Layout</source>
            <translation>&amp;Umbo</translation>
        </message>
        <message>
            <source>Not yet signed by KRA (%1): this receipt prints with a PENDING mark and no QR code. The Sales tab lists it for reprinting once KRA signs it.</source>
            <translation>Bado haijasainiwa na KRA (%1): risiti hii inachapishwa na alama ya PENDING bila QR code. Kichupo cha Mauzo kinaiorodhesha ichapishwe tena KRA ikishaisaini.</translation>
        </message>
        <message>
            <source>Signed by KRA.</source>
            <translation>Imesainiwa na KRA.</translation>
        </message>
        <message>
            <source>Its original was printed before: this one is a COPY.</source>
            <translation>Risiti halisi ilichapishwa awali: hii ni COPY.</translation>
        </message>
        <message>
            <source>The first print is the original; later ones say COPY.</source>
            <translation>Chapa ya kwanza ndiyo halisi; zinazofuata zinaandikwa COPY.</translation>
        </message>
        <message>
            <source>Reprint rebuilt from stored data: this sale was signed before the app kept the document KRA signed.</source>
            <translation>Chapa upya iliyojengwa kutoka data iliyohifadhiwa: mauzo haya yalisainiwa kabla programu haijaanza kuweka hati iliyosainiwa na KRA.</translation>
        </message>
        <message>
            <source>Printing on the %1...</source>
            <translation>Inachapisha kwenye %1...</translation>
        </message>
        <message>
            <source>Not printed: %1 The sale is safe; print it again when the printer is ready.</source>
            <translation>Haikuchapishwa: %1 Mauzo yako salama; chapisha tena printa ikiwa tayari.</translation>
        </message>
        <message>
            <source>Printed on the %1.</source>
            <translation>Imechapishwa kwenye %1.</translation>
        </message>
        <message>
            <source>Save receipt as PDF</source>
            <translation>Hifadhi risiti kama PDF</translation>
        </message>
        <message>
            <source>Could not save the PDF: %1</source>
            <translation>Imeshindwa kuhifadhi PDF: %1</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>Imehifadhiwa %1.</translation>
        </message>
    </context>
    <context>
        <name>ReceiptPrint</name>
        <message>
            <source>The printer or PDF file could not be opened.</source>
            <translation>Printa au faili ya PDF haikuweza kufunguliwa.</translation>
        </message>
        <message>
            <source>Print receipt</source>
            <translation>Chapisha risiti</translation>
        </message>
    </context>
    <context>
        <name>ReceiptPrintingSettings</name>
        <message>
            <source>Receipt printer (ESC/POS thermal)</source>
            <translation>Printa ya risiti (thermal ya ESC/POS)</translation>
        </message>
        <message>
            <source>None - system printer or PDF only</source>
            <translation>Hakuna - printa ya kompyuta au PDF tu</translation>
        </message>
        <message>
            <source>Network (port 9100)</source>
            <translation>Mtandao (port 9100)</translation>
        </message>
        <message>
            <source>USB</source>
            <translation>USB</translation>
        </message>
        <message>
            <source>Serial port</source>
            <translation>Serial port</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Muunganisho</translation>
        </message>
        <message>
            <source>vendor id, e.g. 04b8</source>
            <translation>vendor id, k.m. 04b8</translation>
        </message>
        <message>
            <source>product id, e.g. 0202</source>
            <translation>product id, k.m. 0202</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Anwani</translation>
        </message>
        <message>
            <source>80 mm (48 characters)</source>
            <translation>mm 80 (herufi 48)</translation>
        </message>
        <message>
            <source>58 mm (32 characters)</source>
            <translation>mm 58 (herufi 32)</translation>
        </message>
        <message>
            <source>Cut the paper after each receipt</source>
            <translation>Kata karatasi baada ya kila risiti</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>Karatasi</translation>
        </message>
        <message>
            <source>Print a &amp;test page</source>
            <translation>Chapisha ukurasa wa &amp;majaribio</translation>
        </message>
        <message>
            <source>Receipt rules</source>
            <translation>Kanuni za risiti</translation>
        </message>
        <message>
            <source>KRA's terms (TAX INVOICE, KRA PIN, SCU ...) stay in English.</source>
            <translation>Maneno ya KRA (TAX INVOICE, KRA PIN, SCU ...) yanabaki kwa Kiingereza.</translation>
        </message>
        <message>
            <source>SCU id / eTIMS invoice no. (recommended)</source>
            <translation>SCU id / nambari ya ankara ya eTIMS (inapendekezwa)</translation>
        </message>
        <message>
            <source>SCU id / KRA receipt no.</source>
            <translation>SCU id / nambari ya risiti ya KRA</translation>
        </message>
        <message>
            <source>KRA's receipt check page (recommended)</source>
            <translation>Ukurasa wa KRA wa kukagua risiti (inapendekezwa)</translation>
        </message>
        <message>
            <source>TIS device form (date#time#SCU#...)</source>
            <translation>Muundo wa kifaa wa TIS (date#time#SCU#...)</translation>
        </message>
        <message>
            <source>COPY watermark and CS/CC label (recommended)</source>
            <translation>Alama ya COPY na lebo ya CS/CC (inapendekezwa)</translation>
        </message>
        <message>
            <source>COPY watermark, keep NS/NC</source>
            <translation>Alama ya COPY, baki na NS/NC</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Lugha</translation>
        </message>
        <message>
            <source>CU invoice no.</source>
            <translation>CU invoice no.</translation>
        </message>
        <message>
            <source>QR code</source>
            <translation>QR code</translation>
        </message>
        <message>
            <source>Reprints</source>
            <translation>Chapa za marudio</translation>
        </message>
        <message>
            <source>Printing a test page on the %1...</source>
            <translation>Inachapisha ukurasa wa majaribio kwenye %1...</translation>
        </message>
        <message>
            <source>Test page sent to the %1. It should show a full-width ruler, a QR code and be cut.</source>
            <translation>Ukurasa wa majaribio umetumwa kwa %1. Unapaswa kuonyesha rula ya upana wote, QR code na kukatwa.</translation>
        </message>
    </context>
    <context>
        <name>ReconcileDialog</name>
        <message>
            <source>Check my sales with KRA</source>
            <translation>Linganisha mauzo yangu na KRA</translation>
        </message>
        <message>
            <source>All devices</source>
            <translation>Vifaa vyote</translation>
        </message>
        <message>
            <source>Check with KRA</source>
            <translation>Linganisha na KRA</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ghairi</translation>
        </message>
        <message>
            <source>Asks KRA, sale by sale, whether it holds each sale and credit note this PC has as signed, with the same totals, receipt number and signature. It goes slowly on purpose (a few questions a second). You can cancel at any time: the next check of the same days continues where it stopped.</source>
            <translation>Inauliza KRA, mauzo moja baada ya jingine, kama ina kila mauzo na credit note ambayo kompyuta hii inayo kama yaliyosainiwa, yenye jumla, nambari ya risiti na sahihi ile ile. Inakwenda polepole makusudi (maswali machache kwa sekunde). Unaweza kughairi wakati wowote: ukaguzi ujao wa siku hizo hizo utaendelea pale ulipoishia.</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Kuanzia:</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>Hadi:</translation>
        </message>
        <message>
            <source>Device:</source>
            <translation>Kifaa:</translation>
        </message>
        <message>
            <source>%v of %m checked</source>
            <translation>%v kati ya %m yamekaguliwa</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Kifaa</translation>
        </message>
        <message>
            <source>Not checked yet: choose the days, then press Check with KRA</source>
            <translation>Bado haijakaguliwa: chagua siku, kisha bofya Linganisha na KRA</translation>
        </message>
        <message>
            <source>Sale</source>
            <translation>Mauzo</translation>
        </message>
        <message>
            <source>What KRA's record shows</source>
            <translation>Rekodi ya KRA inaonyesha nini</translation>
        </message>
        <message>
            <source>What to do</source>
            <translation>Cha kufanya</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Funga</translation>
        </message>
        <message>
            <source>Asking KRA…</source>
            <translation>Inauliza KRA…</translation>
        </message>
        <message>
            <source>Stopped. {done} checked so far are kept: press Check with KRA to continue where it stopped.</source>
            <translation>Imesimama. {done} yaliyokaguliwa hadi sasa yamehifadhiwa: bofya Linganisha na KRA uendelee pale ilipoishia.</translation>
        </message>
        <message>
            <source>Checked {checked} of {total} signed sale(s) and credit note(s).</source>
            <translation>Yamekaguliwa {checked} kati ya mauzo na credit note {total} yaliyosainiwa.</translation>
        </message>
        <message>
            <source>{count} of them were checked by an earlier run.</source>
            <translation>{count} kati yao yalikaguliwa na ukaguzi wa awali.</translation>
        </message>
        <message>
            <source>There is no signed sale in these days: nothing to check.</source>
            <translation>Hakuna mauzo yaliyosainiwa katika siku hizi: hakuna cha kukagua.</translation>
        </message>
        <message>
            <source>KRA's record agrees with this PC for every one of them.</source>
            <translation>Rekodi ya KRA inakubaliana na kompyuta hii kwa kila moja.</translation>
        </message>
        <message>
            <source>{count} problem(s) found: see the list below.</source>
            <translation>Matatizo {count} yamepatikana: tazama orodha hapa chini.</translation>
        </message>
        <message>
            <source>{invoice} (eTIMS number {number})</source>
            <translation>{invoice} (nambari ya eTIMS {number})</translation>
        </message>
        <message>
            <source>all of this device</source>
            <translation>yote ya kifaa hiki</translation>
        </message>
        <message>
            <source>The check could not run: {error}</source>
            <translation>Ukaguzi haukuweza kufanyika: {error}</translation>
        </message>
    </context>
    <context>
        <name>ReportsMenu</name>
        <message>
            <source>&amp;Check my sales with KRA…</source>
            <translation>&amp;Linganisha mauzo yangu na KRA…</translation>
        </message>
        <message>
            <source>&amp;End of day report…</source>
            <translation>Ripoti ya &amp;mwisho wa siku…</translation>
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation>&amp;Ripoti</translation>
        </message>
        <message>
            <source>Ask KRA, sale by sale, whether it holds what this PC has as signed</source>
            <translation>Uliza KRA, mauzo moja baada ya jingine, kama ina yale ambayo kompyuta hii inayo kama yaliyosainiwa</translation>
        </message>
        <message>
            <source>E&amp;xport for my accountant…</source>
            <translation>&amp;Toa data kwa mhasibu wangu…</translation>
        </message>
        <message>
            <source>The signed sales and credit notes of a date range, as an Excel workbook or CSV files</source>
            <translation>Mauzo na credit note zilizosainiwa za kipindi fulani, kama faili ya Excel au faili za CSV</translation>
        </message>
        <message>
            <source>What each device sold on a day, tax per type, and whether everything reached KRA</source>
            <translation>Kila kifaa kiliuza nini kwa siku, kodi kwa kila aina, na kama kila kitu kilifika KRA</translation>
        </message>
    </context>
    <context>
        <name>SaleDialog</name>
        <message>
            <source>New sale</source>
            <translation>Mauzo mapya</translation>
        </message>
        <message>
            <source>Item name or code, then Enter</source>
            <translation>Bidhaa au code, kisha Enter</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Ongeza</translation>
        </message>
        <message>
            <source>Scan a barcode</source>
            <translation>Skani barcode</translation>
        </message>
        <message>
            <source>Remove line</source>
            <translation>Ondoa mstari</translation>
        </message>
        <message>
            <source>optional, e.g. P051234567X</source>
            <translation>si lazima, k.m. P051234567X</translation>
        </message>
        <message>
            <source>optional, e.g. 1000</source>
            <translation>si lazima, k.m. 1000</translation>
        </message>
        <message>
            <source>&amp;Save sale  (Ctrl+Enter)</source>
            <translation>&amp;Hifadhi mauzo  (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Funga</translation>
        </message>
        <message>
            <source>&amp;Device</source>
            <translation>&amp;Kifaa</translation>
        </message>
        <message>
            <source>&amp;Invoice no.</source>
            <translation>Nambari ya &amp;ankara</translation>
        </message>
        <message>
            <source>&amp;Item</source>
            <translation>&amp;Bidhaa</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Idadi</translation>
        </message>
        <message>
            <source>Disc. %</source>
            <translation>Punguzo %</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Bidhaa</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>Bei ya kimoja</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Kodi</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Kiasi</translation>
        </message>
        <message>
            <source>Buyer &amp;PIN</source>
            <translation>&amp;PIN ya mnunuzi</translation>
        </message>
        <message>
            <source>Buyer &amp;name</source>
            <translation>&amp;Jina la mnunuzi</translation>
        </message>
        <message>
            <source>Pa&amp;yment</source>
            <translation>&amp;Malipo</translation>
        </message>
        <message>
            <source>&amp;Cash received</source>
            <translation>Pesa &amp;uliyopokea</translation>
        </message>
        <message>
            <source>Change due</source>
            <translation>Chenji</translation>
        </message>
        <message>
            <source>Add a device first: every sale goes to a device.</source>
            <translation>Kwanza ongeza kifaa: kila mauzo yanakwenda kwenye kifaa.</translation>
        </message>
        <message>
            <source>Add items in the Items tab first.</source>
            <translation>Kwanza ongeza bidhaa kwenye kichupo cha Bidhaa.</translation>
        </message>
        <message>
            <source>No single item matches '%1': pick one from the list.</source>
            <translation>Hakuna bidhaa moja inayolingana na '%1': chagua moja kwenye orodha.</translation>
        </message>
        <message>
            <source>The quantity must be more than zero.</source>
            <translation>Idadi lazima iwe zaidi ya sifuri.</translation>
        </message>
        <message>
            <source>The discount is a percentage from 0 to 100.</source>
            <translation>Punguzo ni asilimia kutoka 0 hadi 100.</translation>
        </message>
        <message>
            <source>No item has the barcode %1.</source>
            <translation>Hakuna bidhaa yenye barcode %1.</translation>
        </message>
        <message>
            <source>That value was not accepted: quantities and prices above zero, discounts 0 to 100.</source>
            <translation>Thamani hiyo haikukubaliwa: idadi na bei zaidi ya sifuri, punguzo 0 hadi 100.</translation>
        </message>
        <message>
            <source>%1 short</source>
            <translation>Pungufu %1</translation>
        </message>
        <message>
            <source>A KRA PIN has 11 characters.</source>
            <translation>KRA PIN ina herufi 11.</translation>
        </message>
        <message>
            <source>PIN looks right.</source>
            <translation>PIN inaonekana sawa.</translation>
        </message>
        <message>
            <source>Choose the device this sale goes to.</source>
            <translation>Chagua kifaa ambacho mauzo haya yanakwenda.</translation>
        </message>
        <message>
            <source>Add at least one item to the sale.</source>
            <translation>Ongeza angalau bidhaa moja kwenye mauzo.</translation>
        </message>
        <message>
            <source>Saving...</source>
            <translation>Inahifadhi...</translation>
        </message>
        <message>
            <source>Invoice %1 was recorded before; nothing new was saved (total %2).</source>
            <translation>Ankara %1 ilirekodiwa awali; hakuna kipya kilichohifadhiwa (jumla %2).</translation>
        </message>
        <message>
            <source>Saved %1, total %2. It goes to the VSCU service with the next batch (or when you press Sync).</source>
            <translation>Imehifadhiwa %1, jumla %2. Inakwenda kwa huduma ya VSCU na kundi lijalo (au ukibofya Sawazisha).</translation>
        </message>
        <message>
            <source>Saved %1, total %2. It goes to KRA now if the device is online, otherwise it waits in the queue.</source>
            <translation>Imehifadhiwa %1, jumla %2. Inakwenda KRA sasa kama kifaa kiko mtandaoni, la sivyo inasubiri kwenye foleni.</translation>
        </message>
        <message>
            <source>Give %1 change.</source>
            <translation>Toa chenji %1.</translation>
        </message>
        <message>
            <source>Stock: %1</source>
            <translation>Stoki: %1</translation>
        </message>
    </context>
    <context>
        <name>SalesTab</name>
        <message>
            <source>All sales</source>
            <translation>Mauzo yote</translation>
        </message>
        <message>
            <source>Pending (not yet signed)</source>
            <translation>Yanasubiri (bado hayajasainiwa)</translation>
        </message>
        <message>
            <source>Needs your fix</source>
            <translation>Yanahitaji urekebishe</translation>
        </message>
        <message>
            <source>Signed by KRA</source>
            <translation>Yamesainiwa na KRA</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Yameghairiwa</translation>
        </message>
        <message>
            <source>Search invoice no., eTIMS no., buyer or item</source>
            <translation>Tafuta nambari ya ankara, nambari ya eTIMS, mnunuzi au bidhaa</translation>
        </message>
        <message>
            <source>All devices</source>
            <translation>Vifaa vyote</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Kuanzia</translation>
        </message>
        <message>
            <source>to</source>
            <translation>hadi</translation>
        </message>
        <message>
            <source>min. total</source>
            <translation>jumla ya chini</translation>
        </message>
        <message>
            <source>max. total</source>
            <translation>jumla ya juu</translation>
        </message>
        <message>
            <source>Pending receipts to reprint</source>
            <translation>Risiti za PENDING za kuchapisha tena</translation>
        </message>
        <message>
            <source>Receipts printed before KRA signed the sale. They carry no KRA signature: print them again.</source>
            <translation>Risiti zilizochapishwa kabla KRA haijasaini mauzo. Hazina sahihi ya KRA: zichapishe tena.</translation>
        </message>
        <message>
            <source>&amp;New sale...</source>
            <translation>Mauzo &amp;mapya...</translation>
        </message>
        <message>
            <source>&amp;Receipt...</source>
            <translation>&amp;Risiti...</translation>
        </message>
        <message>
            <source>&amp;Print...</source>
            <translation>&amp;Chapisha...</translation>
        </message>
        <message>
            <source>Save &amp;PDF...</source>
            <translation>Hifadhi &amp;PDF...</translation>
        </message>
        <message>
            <source>Print on receipt printer</source>
            <translation>Chapisha kwenye printa ya risiti</translation>
        </message>
        <message>
            <source>&amp;Credit note...</source>
            <translation>&amp;Credit note...</translation>
        </message>
        <message>
            <source>&amp;Import sales...</source>
            <translation>&amp;Leta mauzo...</translation>
        </message>
        <message>
            <source>Receipt &amp;header...</source>
            <translation>&amp;Kichwa cha risiti...</translation>
        </message>
        <message>
            <source>Paper:</source>
            <translation>Karatasi:</translation>
        </message>
        <message>
            <source>%1 (retired)</source>
            <translation>%1 (imestaafishwa)</translation>
        </message>
        <message numerus="yes">
            <source>%n sale(s) shown</source>
            <translation>
                <numerusform>Mauzo %n yanaonyeshwa</numerusform>
                <numerusform>Mauzo %n yanaonyeshwa</numerusform>
            </translation>
        </message>
        <message>
            <source>No sales match.</source>
            <translation>Hakuna mauzo yanayolingana.</translation>
        </message>
        <message numerus="yes">
            <source>%n receipt(s) were printed before KRA signed the sale: click to see them and print them again.</source>
            <translation>
                <numerusform>Risiti %n zilichapishwa kabla KRA haijasaini mauzo: bofya uzione na uzichapishe tena.</numerusform>
                <numerusform>Risiti %n zilichapishwa kabla KRA haijasaini mauzo: bofya uzione na uzichapishe tena.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a sale first.</source>
            <translation>Kwanza chagua mauzo.</translation>
        </message>
    </context>
    <context>
        <name>SalesTableModel</name>
        <message>
            <source>Date</source>
            <translation>Tarehe</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Kifaa</translation>
        </message>
        <message>
            <source>Invoice no.</source>
            <translation>Nambari ya ankara</translation>
        </message>
        <message>
            <source>eTIMS invoice no.</source>
            <translation>Nambari ya ankara ya eTIMS</translation>
        </message>
        <message>
            <source>Receipt no.</source>
            <translation>Nambari ya risiti</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>Mnunuzi</translation>
        </message>
        <message>
            <source>Total (KSh)</source>
            <translation>Jumla (KSh)</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Hali</translation>
        </message>
        <message>
            <source>credit note </source>
            <translation>credit note </translation>
        </message>
        <message>
            <source>(no. %1, not signed)</source>
            <translation>(nambari %1, haijasainiwa)</translation>
        </message>
        <message>
            <source> - reprint the receipt</source>
            <translation> - chapisha risiti tena</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Mipangilio</translation>
        </message>
        <message>
            <source>OSCU devices (real-time)</source>
            <translation>Vifaa vya OSCU (papo hapo)</translation>
        </message>
        <message>
            <source> seconds</source>
            <translation> sekunde</translation>
        </message>
        <message>
            <source>How often the app asks KRA whether each OSCU device can reach it.</source>
            <translation>Mara ngapi programu inauliza KRA kama kila kifaa cha OSCU kinaweza kuifikia.</translation>
        </message>
        <message>
            <source>Check the connection every</source>
            <translation>Kagua muunganisho kila</translation>
        </message>
        <message>
            <source>VSCU devices (in batches)</source>
            <translation>Vifaa vya VSCU (kwa makundi)</translation>
        </message>
        <message>
            <source> sales</source>
            <translation> mauzo</translation>
        </message>
        <message>
            <source> minutes</source>
            <translation> dakika</translation>
        </message>
        <message>
            <source>Upload as soon as this many wait</source>
            <translation>Tuma mara yakisubiri</translation>
        </message>
        <message>
            <source>…and at least every</source>
            <translation>…na angalau kila</translation>
        </message>
        <message>
            <source>New OSCU devices</source>
            <translation>Vifaa vipya vya OSCU</translation>
        </message>
        <message>
            <source>Sandbox (KRA's test system)</source>
            <translation>Sandbox (mfumo wa majaribio wa KRA)</translation>
        </message>
        <message>
            <source>Production (real sales)</source>
            <translation>Production (mauzo halisi)</translation>
        </message>
        <message>
            <source>Start with</source>
            <translation>Anza na</translation>
        </message>
        <message>
            <source>Receipts</source>
            <translation>Risiti</translation>
        </message>
        <message>
            <source>Your business name, address and the message printed on receipts.</source>
            <translation>Jina la biashara yako, anwani na ujumbe unaochapishwa kwenye risiti.</translation>
        </message>
        <message>
            <source>Receipt &amp;header…</source>
            <translation>&amp;Kichwa cha risiti…</translation>
        </message>
        <message>
            <source>Save applies the changes at once and keeps them in %1.</source>
            <translation>Hifadhi inatumia mabadiliko mara moja na kuyaweka katika %1.</translation>
        </message>
        <message>
            <source>Backups of your data</source>
            <translation>Nakala za akiba za data yako</translation>
        </message>
        <message>
            <source>Make a checked copy every day</source>
            <translation>Tengeneza nakala iliyokaguliwa kila siku</translation>
        </message>
        <message>
            <source>A USB stick or another disk keeps your data safe if this computer fails. Empty: %1</source>
            <translation>Flash ya USB au diski nyingine inaweka data yako salama kompyuta hii ikiharibika. Ikiachwa tupu: %1</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chagua…</translation>
        </message>
        <message>
            <source> days</source>
            <translation> siku</translation>
        </message>
        <message>
            <source>Keep them in</source>
            <translation>Ziweke katika</translation>
        </message>
        <message>
            <source>Delete copies older than</source>
            <translation>Futa nakala zilizopita</translation>
        </message>
        <message>
            <source>CMC keys are never in these copies: they stay in the keyring. To move them to a new computer use 'etims-desktop keys export' and 'keys import'.</source>
            <translation>CMC key hazimo kwenye nakala hizi kamwe: zinabaki kwenye keyring. Kuzihamishia kompyuta mpya tumia 'etims-desktop keys export' na 'keys import'.</translation>
        </message>
        <message>
            <source>Where to keep backups</source>
            <translation>Mahali pa kuweka nakala za akiba</translation>
        </message>
        <message>
            <source>The backup folder %1 does not exist (is the USB stick plugged in?).</source>
            <translation>Folda ya nakala za akiba %1 haipo (je, flash ya USB imechomekwa?).</translation>
        </message>
        <message>
            <source>Could not save the settings: %1</source>
            <translation>Imeshindwa kuhifadhi mipangilio: %1</translation>
        </message>
    </context>
    <context>
        <name>ShopTray</name>
        <message>
            <source>&amp;Open eTIMS Desktop</source>
            <translation>&amp;Fungua eTIMS Desktop</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Sawazisha sasa</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Funga programu</translation>
        </message>
        <message>
            <source>eTIMS Desktop needs your attention</source>
            <translation>eTIMS Desktop inahitaji umakini wako</translation>
        </message>
    </context>
    <context>
        <name>StartUp</name>
        <message>
            <source>etims-desktop cannot start.</source>
            <translation>etims-desktop haiwezi kuanza.</translation>
        </message>
    </context>
    <context>
        <name>StockDialog</name>
        <message>
            <source>Opening stock (what is on the shelf when you start)</source>
            <translation>Stoki ya kuanzia (kilichopo rafuni unapoanza)</translation>
        </message>
        <message>
            <source>How many are on the shelf now</source>
            <translation>Ngapi ziko rafuni sasa</translation>
        </message>
        <message>
            <source>Goods received (no eTIMS invoice)</source>
            <translation>Bidhaa zilizopokelewa (bila ankara ya eTIMS)</translation>
        </message>
        <message>
            <source>How many came in</source>
            <translation>Ngapi zimeingia</translation>
        </message>
        <message>
            <source>Damaged, expired or thrown away</source>
            <translation>Zilizoharibika, zilizopitwa na muda au kutupwa</translation>
        </message>
        <message>
            <source>How many are gone</source>
            <translation>Ngapi zimetoka</translation>
        </message>
        <message>
            <source>Stock count (correct the books)</source>
            <translation>Hesabu ya stoki (sahihisha vitabu)</translation>
        </message>
        <message>
            <source>How many you counted on the shelf</source>
            <translation>Ngapi ulihesabu rafuni</translation>
        </message>
        <message>
            <source>Adjust stock: %1</source>
            <translation>Rekebisha stoki: %1</translation>
        </message>
        <message>
            <source>e.g. 12 or 2.5</source>
            <translation>k.m. 12 au 2.5</translation>
        </message>
        <message>
            <source>optional: why, in your words</source>
            <translation>si lazima: kwa nini, kwa maneno yako</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Bidhaa</translation>
        </message>
        <message>
            <source>&amp;Device</source>
            <translation>&amp;Kifaa</translation>
        </message>
        <message>
            <source>In stock now</source>
            <translation>Stoki sasa</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Sababu</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>&amp;Maelezo</translation>
        </message>
        <message>
            <source>no device yet: add one first</source>
            <translation>bado hakuna kifaa: ongeza kimoja kwanza</translation>
        </message>
        <message>
            <source>Choose the device whose stock this is.</source>
            <translation>Chagua kifaa ambacho stoki hii ni yake.</translation>
        </message>
        <message>
            <source>Enter the quantity as a number, e.g. 12 or 2.5.</source>
            <translation>Weka idadi kama nambari, k.m. 12 au 2.5.</translation>
        </message>
        <message>
            <source>Recorded: %1 %2, now %3 in stock. It is reported to KRA at the next sync.</source>
            <translation>Imerekodiwa: %1 %2, sasa stoki ni %3. Itaripotiwa kwa KRA wakati wa kusawazisha ujao.</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>A sync is already running. Its report will show everything.</source>
            <translation>Usawazishaji tayari unaendelea. Ripoti yake itaonyesha kila kitu.</translation>
        </message>
        <message>
            <source>The sync stopped: %1</source>
            <translation>Usawazishaji umesimama: %1</translation>
        </message>
    </context>
    <context>
        <name>SyncReportPanel</name>
        <message>
            <source>Hide the report</source>
            <translation>Ficha ripoti</translation>
        </message>
        <message>
            <source>Syncing… the window stays usable; the board shows each device's progress.</source>
            <translation>Inasawazisha… dirisha linaendelea kutumika; orodha inaonyesha maendeleo ya kila kifaa.</translation>
        </message>
        <message>
            <source>The sync did not run to the end</source>
            <translation>Usawazishaji haukufika mwisho</translation>
        </message>
        <message>
            <source>Sync report - %1, took %2 s</source>
            <translation>Ripoti ya usawazishaji - %1, ilichukua sekunde %2</translation>
        </message>
        <message>
            <source>Open this device's details</source>
            <translation>Fungua maelezo ya kifaa hiki</translation>
        </message>
        <message>
            <source>%1 of %2 devices could not reach KRA: nothing was sent for them.</source>
            <translation>Vifaa %1 kati ya %2 havikuweza kufikia KRA: hakuna kilichotumwa kwa ajili yao.</translation>
        </message>
        <message numerus="yes">
            <source>%n device was left to another etims-desktop on this computer, which is syncing it right now.</source>
            <translation>
                <numerusform>Kifaa %n kimeachiwa etims-desktop nyingine kwenye kompyuta hii, inayokisawazisha sasa hivi.</numerusform>
                <numerusform>Kifaa %n kimeachiwa etims-desktop nyingine kwenye kompyuta hii, inayokisawazisha sasa hivi.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n devices were left to another etims-desktop on this computer, which is syncing them right now.</source>
            <translation>
                <numerusform>Vifaa %n vimeachiwa etims-desktop nyingine kwenye kompyuta hii, inayovisawazisha sasa hivi.</numerusform>
                <numerusform>Vifaa %n vimeachiwa etims-desktop nyingine kwenye kompyuta hii, inayovisawazisha sasa hivi.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale is still waiting.</source>
            <translation>
                <numerusform>Mauzo %n bado yanasubiri.</numerusform>
                <numerusform>Mauzo %n bado yanasubiri.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale needs your fix.</source>
            <translation>
                <numerusform>Mauzo %n yanahitaji urekebishe.</numerusform>
                <numerusform>Mauzo %n yanahitaji urekebishe.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale was signed by KRA.</source>
            <translation>
                <numerusform>Mauzo %n yamesainiwa na KRA.</numerusform>
                <numerusform>Mauzo %n yamesainiwa na KRA.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sales are still waiting.</source>
            <translation>
                <numerusform>Mauzo %n bado yanasubiri.</numerusform>
                <numerusform>Mauzo %n bado yanasubiri.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sales need your fix.</source>
            <translation>
                <numerusform>Mauzo %n yanahitaji urekebishe.</numerusform>
                <numerusform>Mauzo %n yanahitaji urekebishe.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sales were signed by KRA.</source>
            <translation>
                <numerusform>Mauzo %n yamesainiwa na KRA.</numerusform>
                <numerusform>Mauzo %n yamesainiwa na KRA.</numerusform>
            </translation>
        </message>
        <message>
            <source>Every device reached KRA.</source>
            <translation>Kila kifaa kimefikia KRA.</translation>
        </message>
        <message>
            <source>No device could reach KRA: nothing was sent.</source>
            <translation>Hakuna kifaa kilichoweza kufikia KRA: hakuna kilichotumwa.</translation>
        </message>
        <message>
            <source>No devices to sync yet.</source>
            <translation>Bado hakuna kifaa cha kusawazisha.</translation>
        </message>
        <message>
            <source>Nothing was waiting.</source>
            <translation>Hakuna kilichokuwa kinasubiri.</translation>
        </message>
        <message>
            <source>The device could not reach KRA: nothing was sent.</source>
            <translation>Kifaa hakikuweza kufikia KRA: hakuna kilichotumwa.</translation>
        </message>
        <message>
            <source>The device reached KRA.</source>
            <translation>Kifaa kimefikia KRA.</translation>
        </message>
        <message>
            <source>Updated from KRA: %1</source>
            <translation>Imesasishwa kutoka KRA: %1</translation>
        </message>
        <message>
            <source>What to do: %1</source>
            <translation>Cha kufanya: %1</translation>
        </message>
    </context>
    <context>
        <name>TodayTab</name>
        <message>
            <source>Sales per hour today</source>
            <translation>Mauzo kwa kila saa leo</translation>
        </message>
        <message>
            <source>Sales per day this month</source>
            <translation>Mauzo kwa kila siku mwezi huu</translation>
        </message>
        <message>
            <source>Sales waiting to reach KRA, last 12 hours</source>
            <translation>Mauzo yanayosubiri kufika KRA, masaa 12 yaliyopita</translation>
        </message>
        <message>
            <source>How long the oldest waiting sale has waited</source>
            <translation>Mauzo ya zamani zaidi yamesubiri kwa muda gani</translation>
        </message>
        <message>
            <source>Amounts are the totals recorded with each sale, tax included; credit notes are taken off. Point at a bar to see its exact amounts.</source>
            <translation>Kiasi ni jumla zilizorekodiwa na kila mauzo, kodi ikiwemo; credit note zimetolewa. Elekeza kwenye mstari uone kiasi kamili.</translation>
        </message>
        <message>
            <source>The figures could not be read: {error}</source>
            <translation>Takwimu hazikuweza kusomwa: {error}</translation>
        </message>
        <message>
            <source>Hour of the day (09 = from 09:00 to 10:00)</source>
            <translation>Saa ya siku (09 = kuanzia 09:00 hadi 10:00)</translation>
        </message>
        <message>
            <source>Sales per day this month ({month})</source>
            <translation>Mauzo kwa kila siku mwezi huu ({month})</translation>
        </message>
        <message>
            <source>Day of the month</source>
            <translation>Tarehe ya mwezi</translation>
        </message>
        <message>
            <source>Today: {sales} sales, {total} (tax {tax}).</source>
            <translation>Leo: mauzo {sales}, {total} (kodi {tax}).</translation>
        </message>
        <message>
            <source>No sales yet today.</source>
            <translation>Bado hakuna mauzo leo.</translation>
        </message>
        <message>
            <source>This month: {sales} sales, {total} (tax {tax}).</source>
            <translation>Mwezi huu: mauzo {sales}, {total} (kodi {tax}).</translation>
        </message>
        <message>
            <source>{count} still waiting to reach KRA.</source>
            <translation>{count} bado yanasubiri kufika KRA.</translation>
        </message>
        <message>
            <source>Practice sales only (not real):</source>
            <translation>Mauzo ya mazoezi tu (si halisi):</translation>
        </message>
        <message>
            <source>Sales, tax included (KSh)</source>
            <translation>Mauzo, kodi ikiwemo (KSh)</translation>
        </message>
        <message>
            <source>Tax (KSh)</source>
            <translation>Kodi (KSh)</translation>
        </message>
        <message>
            <source>Kenya shillings</source>
            <translation>Shilingi za Kenya</translation>
        </message>
        <message>
            <source>{start} to {end}</source>
            <translation>{start} hadi {end}</translation>
        </message>
        <message>
            <source>{when}: {sales} sales, {total}, of which tax {tax}.</source>
            <translation>{when}: mauzo {sales}, {total}, ambayo kodi ni {tax}.</translation>
        </message>
        <message>
            <source>{count} credit notes taken off.</source>
            <translation>Credit note {count} zimetolewa.</translation>
        </message>
        <message>
            <source>How long the oldest waiting sale has waited (hours)</source>
            <translation>Mauzo ya zamani zaidi yamesubiri kwa muda gani (masaa)</translation>
        </message>
        <message>
            <source>How long the oldest waiting sale has waited (minutes)</source>
            <translation>Mauzo ya zamani zaidi yamesubiri kwa muda gani (dakika)</translation>
        </message>
        <message>
            <source>Sales waiting</source>
            <translation>Mauzo yanayosubiri</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Masaa</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Dakika</translation>
        </message>
        <message>
            <source>Time of day</source>
            <translation>Saa ya siku</translation>
        </message>
    </context>
    <context>
        <name>TotalsPanel</name>
        <message>
            <source>Totals (as sent to KRA)</source>
            <translation>Jumla (kama zinavyotumwa KRA)</translation>
        </message>
        <message>
            <source>Tax type</source>
            <translation>Aina ya kodi</translation>
        </message>
        <message>
            <source>Taxable</source>
            <translation>Thamani</translation>
        </message>
        <message>
            <source>VAT</source>
            <translation>VAT</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Zote</translation>
        </message>
        <message>
            <source>TOTAL %1</source>
            <translation>JUMLA %1</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>1 sale needs your fix.</source>
            <translation>Mauzo 1 yanahitaji urekebishe.</translation>
        </message>
        <message>
            <source>%n sales need your fix.</source>
            <translation>Mauzo %n yanahitaji urekebishe.</translation>
        </message>
        <message>
            <source>1 sale is waiting to reach KRA; it goes by itself.</source>
            <translation>Mauzo 1 yanasubiri kufika KRA; yatakwenda yenyewe.</translation>
        </message>
        <message>
            <source>%n sales are waiting to reach KRA; they go by themselves.</source>
            <translation>Mauzo %n yanasubiri kufika KRA; yatakwenda yenyewe.</translation>
        </message>
        <message>
            <source>All sales have reached KRA.</source>
            <translation>Mauzo yote yamefika KRA.</translation>
        </message>
        <message>
            <source>eTIMS Desktop</source>
            <translation>eTIMS Desktop</translation>
        </message>
        <message>
            <source>No connection: {devices}.</source>
            <translation>Hakuna muunganisho: {devices}.</translation>
        </message>
        <message>
            <source>A device has no connection</source>
            <translation>Kifaa kimoja hakina muunganisho</translation>
        </message>
        <message>
            <source>{device} has had no connection to KRA since {time}. Sales wait safely here; check the internet connection (or the VSCU computer).</source>
            <translation>{device} hakijaunganishwa na KRA tangu {time}. Mauzo yanasubiri salama hapa; kagua muunganisho wa intaneti (au kompyuta ya VSCU).</translation>
        </message>
        <message>
            <source>A VSCU is close to its offline limit</source>
            <translation>VSCU inakaribia kikomo chake cha kukaa bila mtandao</translation>
        </message>
        <message>
            <source>{device} has not reached KRA since {time}. A VSCU stops signing sales after about a day without KRA: about {hours} hours are left. Connect it to the internet now.</source>
            <translation>{device} hakijafikia KRA tangu {time}. VSCU inaacha kusaini mauzo baada ya karibu siku moja bila KRA: yamebaki karibu masaa {hours}. Kiunganishe na intaneti sasa.</translation>
        </message>
        <message>
            <source>Sales need your fix</source>
            <translation>Mauzo yanahitaji urekebishe</translation>
        </message>
    </context>
    <context>
        <name>TypePage</name>
        <message>
            <source>Which kind of eTIMS device is it?</source>
            <translation>Ni aina gani ya kifaa cha eTIMS?</translation>
        </message>
        <message>
            <source>KRA approved your device as one of these two. Your approval SMS or letter says which.</source>
            <translation>KRA iliidhinisha kifaa chako kama mojawapo ya hizi mbili. SMS au barua ya idhini yako inasema ni ipi.</translation>
        </message>
        <message>
            <source>OSCU - online</source>
            <translation>OSCU - mtandaoni</translation>
        </message>
        <message>
            <source>VSCU - KRA's program on a computer in your shop</source>
            <translation>VSCU - programu ya KRA kwenye kompyuta ya duka lako</translation>
        </message>
        <message>
            <source>KRA signs every sale over the internet at the moment you make it. Needs a working internet connection.</source>
            <translation>KRA inasaini kila mauzo kupitia intaneti wakati ule ule unapoyafanya. Inahitaji intaneti inayofanya kazi.</translation>
        </message>
        <message>
            <source>KRA's VSCU program runs on one of your computers: it signs sales there and this app uploads them in batches. Good for busy shops and weak internet.</source>
            <translation>Programu ya VSCU ya KRA inaendeshwa kwenye mojawapo ya kompyuta zako: inasaini mauzo hapo na programu hii inayatuma kwa makundi. Nzuri kwa maduka yenye shughuli nyingi na intaneti dhaifu.</translation>
        </message>
    </context>
    <context>
        <name>WindowTray</name>
        <message>
            <source>eTIMS Desktop is still running</source>
            <translation>eTIMS Desktop bado inaendelea</translation>
        </message>
        <message>
            <source>Sales keep going to KRA in the background. Click this icon to open the window; choose Quit in its menu to stop the app.</source>
            <translation>Mauzo yanaendelea kwenda KRA kimyakimya. Bofya alama hii kufungua dirisha; chagua Funga programu kwenye menyu yake kusimamisha programu.</translation>
        </message>
    </context>
</TS>

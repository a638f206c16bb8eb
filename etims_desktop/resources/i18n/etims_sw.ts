<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw" sourcelanguage="en">
    <context>
        <name>AddDeviceWizard</name>
        <message>
            <source>Add an eTIMS device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BackupActions</name>
        <message>
            <source>Backing up the database…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup was not made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The daily backup failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>etims-desktop backups (*.sqlite3);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This file cannot be restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore it anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This backup is older than what KRA signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the data with the backup made %1?

Sales recorded after that are not in it. A copy of the data as it is now is kept in %2. Before sending again, each device asks KRA which eTIMS numbers it already has.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A sync is running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was restored. Try again when the sync has finished.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data was restored from %1.

The data as it was is kept in %2.

etims-desktop closes now. Start it again to work with the restored data. CMC keys are not in backups: on a new computer, bring them with 'etims-desktop keys export' and 'keys import'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close etims-desktop and start it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The restore did not happen</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BusinessDetailsBox</name>
        <message>
            <source>Your shop on receipts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printed at the top of every receipt. Change it later in Settings &gt; Receipt header.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Mama Mboga Traders Ltd</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BusinessDialog</name>
        <message>
            <source>Receipt header</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The KRA PIN and branch come from the device that signs the sale. Receipts already signed keep the header they were signed with.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConnectionPage</name>
        <message>
            <source>Where the device talks to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox - KRA's test system, for trying things out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Production - real sales, real tax</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another address - a test server (for integrators)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox and production are separate registrations with separate keys.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Path style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grouped paths (/trnsSales/saveSales) - most VSCU versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Single names (/saveTrnsSalesOsdc) - like OSCU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which KRA connection did KRA give you?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's eTIMS API - the usual one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's API gateway - an app on developer.go.ke</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose this unless KRA sent you a consumer key and secret.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You have an app there with a consumer key and secret (next page).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tell the app where your VSCU program runs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose KRA's test system or the real one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The computer running KRA's VSCU program and its port (8088 unless you changed it).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The full address of the eTIMS API, e.g. %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trying to reach it…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Core</name>
        <message>
            <source>queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>uncertain - checking with KRA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>needs your fix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>needs your check on KRA's portal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for internet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for KRA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA asked us to slow down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for the original sale to be signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for the next batch upload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not checked yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>online</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>offline - no connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not answering</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>key rejected by KRA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not initialised</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VSCU service not running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA did not accept the request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again later. If it keeps happening, contact support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA refused the request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Correct what KRA names, then send it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA expected a different invoice number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to do: the app checks with KRA which numbers it has before sending again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA already has this sale.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to do: the app fetches the receipt KRA already signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA did not receive this device's PIN, branch or CMC key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Initialise the device, or enter the CMC key KRA gave you, then try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA does not recognise this device: check the PIN, branch and serial you were approved for, and sandbox vs production.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare them with your approval in the eTIMS portal. If they match, ask KRA (timsupport@kra.go.ke).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA says this device is already initialised: its CMC key was issued the first time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the CMC key and SCU id you received then. If the key is lost, ask KRA to reset the device.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA registered this device as the other type (OSCU vs VSCU).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the type you applied for: an OSCU device talks to KRA directly, a VSCU device to the VSCU service on your computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's API gateway did not accept this device's consumer key and secret.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the consumer key and secret again from your app on developer.go.ke (sandbox and production apps have different ones), then test the connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to do: the app tries again later. If it lasts for hours, contact KRA support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA had an internal error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA asked us to slow down (too many requests).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to do: the app pauses briefly and goes on by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service had an internal error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restart the KRA VSCU service. If it keeps happening, check its configuration.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA answered with a code this program does not know.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not connect to KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the internet connection. Sales wait safely and go as soon as it is back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The request was sent but no answer came back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to do: the app asks KRA whether it arrived before sending anything again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA answered with an error page instead of data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usually temporary: the app tries again later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's API gateway does not know this address: nothing was processed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the device's gateway address (it ends in /etims-oscu/api/v1). If it is right, please report it to support: KRA may have renamed the call.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's answer could not be understood.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usually temporary: the app tries again later. If it lasts, contact support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is a fault in this program: please report it to support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service could not build its request address to KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service could not build its request headers to KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service could not build its request body to KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service could not communicate with KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check this computer's internet connection; the VSCU service retries by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service used a request method KRA does not allow.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service got an unexpected request status from KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service reported a client error ({message}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The app checks whether the sale already arrived, then tries again. If it lasts, restart the VSCU service.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA refused it because a field is missing or wrong: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA received an empty request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA does not offer this request at this address ({message}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the device's address and its path style (classic OSCU names or VSCU paths).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA refused a code that is not in its code list: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a valid code (for example the packaging or quantity unit), then send it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA refused this combination of sale type and receipt type ({message}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use a normal sale or credit note, then send it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA says the request body is wrong: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA already has this sale: it was declared earlier.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The VSCU service wants the sale itself before its invoice data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA could not save the record (an error on KRA's side).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA could not update the record (an error on KRA's side).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA could not delete the record (an error on KRA's side).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA already has a record with this number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA has no file to download for this request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA had an unknown internal error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA answered with code {code}, which this program does not know: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA answered with code {code}, which this program does not know.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA already has invoice number {found}: it expects {expected} next.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA expected invoice number {expected}, not {found}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA already has this sale ({message}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Left alone: another etims-desktop on this computer is syncing this device right now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's answer did not come back: {why}. The app asks KRA before sending again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was sent: {why}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed {signed} sales ({already} were already at KRA).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed 1 sale.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed {signed} sales.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Up to date: nothing was waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sale was signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} still waiting because {reason}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} still waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} need your fix.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} need your check on KRA's portal (KRA's answer left it unclear).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA has it recorded; it did not send the receipt details again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>receipt no. %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CreditNoteDialog</name>
        <message>
            <source>Credit note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Credit &amp;everything left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save credit note  (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buyer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Credit note no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Credit note for invoice %1%2 of %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>walk-in customer (no PIN)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number %1 is already used on this device: give this credit note its own number.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DamagedNotice</name>
        <message>
            <source>Restore from a backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database file is damaged (a failing disk or a power cut can do this). Nothing is sent to KRA until it is restored from a backup. Restore before recording sales: sales recorded now are not in the backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQLite's check found:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The newest good backup was made %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore that backup…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeviceBoardModel</name>
        <message>
            <source>Device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sends</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting sales</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last successful sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(retired)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>real-time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in batches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retired: sends nothing; its sales and receipts are kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Syncing: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Being synced by another etims-desktop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sending %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 uncertain - checking with KRA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What to do: open the device (double-click), look each number up on KRA's portal and say what you saw.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What to do: open the device (double-click) to resend or cancel them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What to do: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>checked %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>less than a minute left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>about %1 h %2 min left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA PIN %1, branch %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serial number: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SCU id: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not initialised yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PRACTICE device: talks to the built-in practice KRA, never to the real one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OSCU: every sale is signed by KRA online, as soon as it is made.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VSCU: sales are signed by your VSCU service and uploaded in batches.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another etims-desktop on this computer (another window, or a scheduled 'etims-desktop sync') is sending this device's sales right now. This window leaves the device to it and carries on by itself when it has finished.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every sale of this device has reached KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n need your check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n need your fix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n needs your check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n needs your fix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sale still has to reach KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sale was refused by KRA and needs your fix.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sales still have to reach KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sales were refused by KRA and need your fix.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA refused %n sale.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA refused %n sales.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's answers did not tell whether it has %n sale.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's answers did not tell whether it has %n sales.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>about %n minute left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>about %n minutes left</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeviceBoardView</name>
        <message>
            <source>checked %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeviceChoice</name>
        <message>
            <source>PRACTICE - %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Goes to the practice KRA inside this app, never to KRA.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeviceDetailPanel</name>
        <message>
            <source>Close the device details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync this device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh code lists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetch KRA's code lists, item classes and notices for this device now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Initialise / enter key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove device…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a sale to see everything that happened to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put the sale back in the queue, for example after adding the missing item in KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel locally…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only for a sale KRA never signed: it will not be sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA has it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's portal shows this sale: mark it signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not at KRA: send again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's portal does not show this sale: send it again with its own eTIMS number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected sale:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Took</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What happened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sales on their way</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Showing %1 of %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>real-time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in batches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA PIN %1, branch %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>serial %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SCU id %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not initialised</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>RETIRED %1: its sales, receipts and history are kept; it sends nothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>checked %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What to do: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retired devices are not checked with KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reconnect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask the practice KRA for this device's key again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter a new key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>did not finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Needs your check:&lt;/b&gt; %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Why KRA refused it:&lt;/b&gt; %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What to do: correct the cause (for example the item or the buyer's PIN), then Resend. If the sale did not really happen, cancel it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sale %1, %2 line(s), sold %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sale %1 is marked signed: KRA has it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sale %1 goes to KRA again with its own eTIMS number at the next sync.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sale %1 is back in the queue. It goes with the next sync.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel this sale?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sale %1 was never signed by KRA. Cancelling it here means it will never be sent. Only do this if the sale did not really happen or you will record it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the sale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sale %1 was cancelled here; it will not be sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetching code lists from KRA…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code lists are up to date (new or changed: %1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retire this device?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retire it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete this device?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete it</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <source>Diagnostics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send this to whoever helps you with the app. CMC keys are replaced by *** before it is shown or copied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Collecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy diagnostics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EmptyState</name>
        <message>
            <source>No eTIMS device yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add the device KRA approved for your shop, or try everything safely first in practice mode: it starts a practice KRA inside this app with one OSCU and one VSCU device, so you can record sales, press Sync and watch what happens. Nothing goes to the real KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try practice mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add my eTIMS device…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>%1 ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, oldest %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KSh %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>just now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>under a minute</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GatewayPage</name>
        <message>
            <source>Your app on developer.go.ke</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy these from your app on developer.go.ke (sandbox and production apps differ). KRA gives the integration token for your PIN, this program and the device serial.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>from KRA, for this PIN and device serial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consumer key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consumer secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>App id (apigee_app_id)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Integration token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test the connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>They are kept in your computer's keyring, like the CMC key, and never shown again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill in the device details and all three app fields first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asking KRA's gateway for an access token…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's gateway accepted your consumer key and secret (%1 ms).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IdentityPage</name>
        <message>
            <source>Who the device belongs to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type these exactly as they are on your KRA approval.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Till 1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the serial number you declared to KRA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA PIN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>00 is the head office.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device serial number</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import sales</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a CSV or JSON file exported from your POS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Choose file...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A CSV file with a header row and one row per sale line: invoice_no, date (24/11/2026, day first, or 2026-11-24; a time may follow: 24/11/2026 14:05), item_code, qty; optional unit_price, discount, buyer_pin, buyer_name, payment_type. Or the same as JSON.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invoice no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buyer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total (KSh)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What is wrong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the sales file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sales files (*.csv *.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading %1...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 row(s) have problems (listed below). Nothing will be imported until the file is fixed: correct it in your POS or a spreadsheet and choose it again. %2 sale(s) read fine.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file holds no sales.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 sale(s), %2 line(s), total %3. Sales imported before are skipped, never doubled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported %1 new sale(s); %2 were imported before and were skipped. They are queued for KRA: Sync sends them.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <source>Edit item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>generated when you save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>type to search KRA's classification, e.g. 'flour'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shelf price including VAT, e.g. 250.00</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active (can be sold)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part of the item code; make a new item to change it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Item code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Classification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Item &amp;type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Packaging unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quantity unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ta&amp;x type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Price incl. VAT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Barcode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No classification matches. Sync a device to get KRA's list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the item a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick the item's KRA classification from the list (type part of its name).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The price must be more than 0, for example 250.00.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the price including VAT, e.g. 250.00.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ItemTableModel</name>
        <message>
            <source>KRA: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (inactive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not registered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registered %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ItemsTab</name>
        <message>
            <source>Search by name, code or class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add item...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which device KRA should know the items on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Register selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Register a&amp;ll</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Register every item KRA does not know yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA registration on:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select an item to edit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1 (%2). KRA learns about it at the next sale or when you register it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the items to register, or use Register all.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registering with KRA...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a device first: items are registered on a device.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeyPage</name>
        <message>
            <source>Connect the device to KRA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA gives each device a secret CMC key once. The app keeps it in your computer's keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Initialise with KRA now (the first time this device is set up)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the key I already have (the device was set up with another program)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>paste the CMC key - it is never shown again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SCU id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MRC number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CMC key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where the key is kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How to connect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA (production)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's test system (sandbox)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 device, KRA PIN %3, branch %4, serial %5, talking to %6.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This device is already initialised; initialising it again could break it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Initialise with KRA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA gives the key only once, and the app never shows it. Kept only while the app is open, it would be lost for good when you close it. Choose the password-locked file above first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Talking to KRA…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done. SCU id %1. The key is kept in %3. KRA status: %2.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeyringChoice</name>
        <message>
            <source>Keep keys only while the app is open (type them again after a restart)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save keys in a file locked with a password you choose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use the locked file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This computer has no keyring (the system's safe place for passwords), so the app cannot keep your device's CMC key there. Choose what to do:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use my password-locked key file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a password of at least %1 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys are kept in the password-locked file %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>KRA eTIMS devices and sales</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sales</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New sale… (Ctrl+N in the Sales tab)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync &amp;all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check every device and send what waits (F5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync &amp;selected device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync only the selected device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add device…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Practice mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the built-in practice KRA with one OSCU and one VSCU practice device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Leave practice mode…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the PRACTICE devices and stop the practice KRA; your real devices stay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Diagnostics…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;retired devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also list removed devices that signed sales: their sales and receipts are kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a checked copy of the database now (copies are also made daily)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore from a backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put a backup back in place of the current data (a copy of it is kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Main</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;ync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose where keys are kept…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leave practice mode…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check every device and send what waits, then report (F5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add device…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your eTIMS devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This tab could not open: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your real devices are set up. The PRACTICE devices only talk to the practice KRA inside this app; leave practice mode to remove them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 devices online</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No devices yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device retired: its sales and receipts stay in the Sales tab (View &gt; Show retired devices).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reconnect to the practice KRA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Initialise / enter key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Syncing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Syncing… you can keep working.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync finished. The report is under the board.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting practice mode…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice mode is on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The PRACTICE devices talk to a practice KRA inside this app, never to the real one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice mode is on: the PRACTICE devices talk to a practice KRA inside this app.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leave practice mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the PRACTICE devices and their practice sales, and stop the practice KRA? Your real devices, their sales and your items stay.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leaving practice mode…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice mode is off: %1 practice devices removed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice mode is still on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice mode did not start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where to keep CMC keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About etims-desktop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>etims-desktop %1
Honest KRA eTIMS sync for OSCU and VSCU devices.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CMC keys are kept only while the app runs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CMC keys are kept here, never in the database or logs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your device keys are in a password-protected file. Until you unlock it, real devices cannot sign sales (their sales wait safely).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock the key file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This computer has no keyring, so device keys are kept only while the app is open. You can keep them in a file locked with a password instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reconnecting the practice devices…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice devices are connected again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OutboxTableModel</name>
        <message>
            <source>Your invoice no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>eTIMS no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason / receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tries</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PracticeBadge</name>
        <message>
            <source>PRACTICE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice device: it talks to the built-in practice KRA, never to the real one.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Receipt</name>
        <message>
            <source>58 mm thermal roll</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>80 mm thermal roll</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A4 page</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReceiptPreview</name>
        <message>
            <source>Receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Print...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as P&amp;DF...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt p&amp;rinter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print on the ESC/POS receipt printer set up in Settings (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Layout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not yet signed by KRA (%1): this receipt prints with a PENDING mark and no QR code. The Sales tab lists it for reprinting once KRA signs it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed by KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Its original was printed before: this one is a COPY.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The first print is the original; later ones say COPY.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reprint rebuilt from stored data: this sale was signed before the app kept the document KRA signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printing on the %1...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not printed: %1 The sale is safe; print it again when the printer is ready.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printed on the %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save receipt as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save the PDF: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReceiptPrint</name>
        <message>
            <source>Print receipt</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReceiptPrintingSettings</name>
        <message>
            <source>Receipt printer (ESC/POS thermal)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None - system printer or PDF only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Network (port 9100)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>USB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serial port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>vendor id, e.g. 04b8</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>product id, e.g. 0202</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>80 mm (48 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>58 mm (32 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cut the paper after each receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print a &amp;test page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's terms (TAX INVOICE, KRA PIN, SCU ...) stay in English.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SCU id / eTIMS invoice no. (recommended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SCU id / KRA receipt no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's receipt check page (recommended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TIS device form (date#time#SCU#...)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>COPY watermark and CS/CC label (recommended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>COPY watermark, keep NS/NC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CU invoice no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>QR code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reprints</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printing a test page on the %1...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test page sent to the %1. It should show a full-width ruler, a QR code and be cut.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SaleDialog</name>
        <message>
            <source>New sale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Item name or code, then Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan a barcode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional, e.g. P051234567X</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional, e.g. 1000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save sale  (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Invoice no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Qty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disc. %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buyer &amp;PIN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buyer &amp;name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pa&amp;yment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cash received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a device first: every sale goes to a device.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add items in the Items tab first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No single item matches '%1': pick one from the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The quantity must be more than zero.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The discount is a percentage from 0 to 100.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No item has the barcode %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That value was not accepted: quantities and prices above zero, discounts 0 to 100.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 short</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A KRA PIN has 11 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PIN looks right.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the device this sale goes to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add at least one item to the sale.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invoice %1 was recorded before; nothing new was saved (total %2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1, total %2. It goes to the VSCU service with the next batch (or when you press Sync).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1, total %2. It goes to KRA now if the device is online, otherwise it waits in the queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give %1 change.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SalesTab</name>
        <message>
            <source>Search invoice no., eTIMS no., buyer or item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pending receipts to reprint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipts printed before KRA signed the sale. They carry no KRA signature: print them again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New sale...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Receipt...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Print...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save &amp;PDF...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print on receipt printer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Credit note...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import sales...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt &amp;header...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paper:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (retired)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n sale(s) shown</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>No sales match.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n receipt(s) were printed before KRA signed the sale: click to see them and print them again.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Select a sale first.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SalesTableModel</name>
        <message>
            <source>credit note </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no. %1, not signed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> - reprint the receipt</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OSCU devices (real-time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often the app asks KRA whether each OSCU device can reach it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the connection every</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VSCU devices (in batches)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> sales</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload as soon as this many wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>…and at least every</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New OSCU devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox (KRA's test system)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Production (real sales)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start with</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your business name, address and the message printed on receipts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt &amp;header…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save applies the changes at once and keeps them in %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backups of your data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a checked copy every day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A USB stick or another disk keeps your data safe if this computer fails. Empty: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep them in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete copies older than</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CMC keys are never in these copies: they stay in the keyring. To move them to a new computer use 'etims-desktop keys export' and 'keys import'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where to keep backups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup folder %1 does not exist (is the USB stick plugged in?).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save the settings: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>A sync is already running. Its report will show everything.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sync stopped: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncReportPanel</name>
        <message>
            <source>Hide the report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Syncing… the window stays usable; the board shows each device's progress.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sync did not run to the end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync report - %1, took %2 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open this device's details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 devices could not reach KRA: nothing was sent for them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n device was left to another etims-desktop on this computer, which is syncing it right now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n devices were left to another etims-desktop on this computer, which is syncing them right now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sale is still waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sale needs your fix.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sale was signed by KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sales are still waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sales need your fix.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%n sales were signed by KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every device reached KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No device could reach KRA: nothing was sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No devices to sync yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The device could not reach KRA: nothing was sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The device reached KRA.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updated from KRA: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What to do: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TotalsPanel</name>
        <message>
            <source>Totals (as sent to KRA)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tax type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Taxable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VAT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TOTAL %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TypePage</name>
        <message>
            <source>Which kind of eTIMS device is it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA approved your device as one of these two. Your approval SMS or letter says which.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OSCU - online</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VSCU - KRA's program on a computer in your shop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA signs every sale over the internet at the moment you make it. Needs a working internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KRA's VSCU program runs on one of your computers: it signs sales there and this app uploads them in batches. Good for busy shops and weak internet.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>

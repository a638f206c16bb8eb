"""Logical eTIMS endpoints and their path in each naming style (kra-etims-api.md section 4).

FLAT is the classic OSCU API (`<base>/saveTrnsSalesOsdc`), also what KRA's guide shows for a VSCU.
NESTED is what code talking to real Kenyan VSCU jars uses (`<base>/trnsSales/saveSales`).
GATEWAY is KRA's API gateway (developer.go.ke, `<base>/sendSalesTransaction`): the names of KRA's
certification Postman collection. The gateway also accepts the classic names; these are the ones the
certification is run with. Calls only the gateway has are in GATEWAY_ONLY.

UNCERTAIN: no source shows a VSCU jar path for selectInvoiceDetails; `/trnsSales/selectInvoiceDetails`
is our guess (it follows the jar's `trnsSales` family, and our simulator serves it). A jar that lacks
it answers an error (e.g. 912) and the caller must fall back to a resend with the same invcNo.
"""

from __future__ import annotations

from enum import StrEnum

from etims_desktop.domain.device import EndpointStyle


class Endpoint(StrEnum):
    """A logical call; the value is its classic (FLAT) name."""

    INITIALISE = "selectInitOsdcInfo"
    CODES = "selectCodeList"
    CUSTOMER = "selectCustomer"
    NOTICES = "selectNoticeList"
    ITEM_CLASSES = "selectItemClsList"
    SAVE_ITEM = "saveItem"
    ITEMS = "selectItemList"
    SAVE_ITEM_COMPOSITION = "saveItemComposition"
    BRANCHES = "selectBhfList"
    SAVE_BRANCH_CUSTOMER = "saveBhfCustomer"
    SAVE_BRANCH_USER = "saveBhfUser"
    SAVE_BRANCH_INSURANCE = "saveBhfInsurance"
    IMPORT_ITEMS = "selectImportItemList"
    UPDATE_IMPORT_ITEM = "updateImportItem"
    SAVE_SALE = "saveTrnsSalesOsdc"
    INVOICE_DETAILS = "selectInvoiceDetails"
    PURCHASE_SALES = "selectTrnsPurchaseSalesList"
    SAVE_PURCHASE = "insertTrnsPurchase"
    STOCK_MOVES = "selectStockMoveList"
    SAVE_STOCK_IO = "insertStockIO"
    SAVE_STOCK_MASTER = "saveStockMaster"


NESTED_PATHS: dict[Endpoint, str] = {
    Endpoint.INITIALISE: "/initializer/selectInitInfo",
    Endpoint.CODES: "/code/selectCodes",
    Endpoint.CUSTOMER: "/customers/selectCustomer",
    Endpoint.NOTICES: "/notices/selectNotices",
    Endpoint.ITEM_CLASSES: "/itemClass/selectItemsClass",
    Endpoint.SAVE_ITEM: "/items/saveItems",
    Endpoint.ITEMS: "/items/selectItems",
    Endpoint.SAVE_ITEM_COMPOSITION: "/items/saveItemComposition",
    Endpoint.BRANCHES: "/branches/selectBranches",
    Endpoint.SAVE_BRANCH_CUSTOMER: "/branches/saveBrancheCustomers",
    Endpoint.SAVE_BRANCH_USER: "/branches/saveBrancheUsers",
    Endpoint.SAVE_BRANCH_INSURANCE: "/branches/saveBrancheInsurances",
    Endpoint.IMPORT_ITEMS: "/imports/selectImportItems",
    Endpoint.UPDATE_IMPORT_ITEM: "/imports/updateImportItems",
    Endpoint.SAVE_SALE: "/trnsSales/saveSales",
    Endpoint.INVOICE_DETAILS: "/trnsSales/selectInvoiceDetails",  # UNCERTAIN, see module docstring
    Endpoint.PURCHASE_SALES: "/trnsPurchase/selectTrnsPurchaseSales",
    Endpoint.SAVE_PURCHASE: "/trnsPurchase/savePurchases",
    Endpoint.STOCK_MOVES: "/stock/selectStockItems",
    Endpoint.SAVE_STOCK_IO: "/stock/saveStockItems",
    Endpoint.SAVE_STOCK_MASTER: "/stockMaster/saveStockMaster",
}


GATEWAY_PATHS: dict[Endpoint, str] = {
    Endpoint.INITIALISE: "/initialize",
    Endpoint.CODES: "/selectCodeList",
    Endpoint.CUSTOMER: "/customerPinInfo",
    Endpoint.NOTICES: "/selectNoticeList",
    Endpoint.ITEM_CLASSES: "/selectItemClass",
    Endpoint.SAVE_ITEM: "/saveItem",
    Endpoint.ITEMS: "/itemInfo",
    Endpoint.SAVE_ITEM_COMPOSITION: "/saveItemComposition",
    Endpoint.BRANCHES: "/branchList",
    Endpoint.SAVE_BRANCH_CUSTOMER: "/branchSendCustomerInfo",
    Endpoint.SAVE_BRANCH_USER: "/branchUserAccount",
    Endpoint.SAVE_BRANCH_INSURANCE: "/branchInsuranceInfo",
    Endpoint.IMPORT_ITEMS: "/importedItemInfo",
    Endpoint.UPDATE_IMPORT_ITEM: "/importedItemConvertedInfo",
    Endpoint.SAVE_SALE: "/sendSalesTransaction",
    Endpoint.INVOICE_DETAILS: "/selectInvoiceDetail",
    Endpoint.PURCHASE_SALES: "/getPurchaseTransactionInfo",
    Endpoint.SAVE_PURCHASE: "/sendPurchaseTransactionInfo",
    Endpoint.STOCK_MOVES: "/selectStockMoveLists",
    Endpoint.SAVE_STOCK_IO: "/insert/stockIO",
    Endpoint.SAVE_STOCK_MASTER: "/save/stockMaster",
}

# Calls only the gateway serves (no classic equivalent): taxpayer details, customers, our sales.
GATEWAY_ONLY = ("selectTaxPayerInfo", "selectCustomerList", "selectTrnsSalesList")

# On the gateway these carry tin and bhfId in the body as well as in the headers.
GATEWAY_BODY_IDS = frozenset({Endpoint.INITIALISE, Endpoint.PURCHASE_SALES, Endpoint.STOCK_MOVES})


def path_for(endpoint: Endpoint, style: EndpointStyle) -> str:
    """The path (with a leading slash) to append to the base URL."""
    if style is EndpointStyle.NESTED:
        return NESTED_PATHS[endpoint]
    if style is EndpointStyle.GATEWAY:
        return GATEWAY_PATHS[endpoint]
    return f"/{endpoint.value}"

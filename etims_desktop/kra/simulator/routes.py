"""Which URL paths the simulator answers, and the endpoint (classic OSCU name) each one means."""

from __future__ import annotations

from dataclasses import dataclass

# Classic OSCU endpoint names (kra-etims-api.md section 4), served under /etims-api/<name> and /<name>.
CLASSIC = (
    "selectInitOsdcInfo",
    "selectCodeList",
    "selectItemClsList",
    "selectCustomer",
    "selectNoticeList",
    "selectBhfList",
    "saveBhfCustomer",
    "saveBhfUser",
    "saveBhfInsurance",
    "saveItem",
    "selectItemList",
    "saveItemComposition",
    "saveTrnsSalesOsdc",
    "selectInvoiceDetails",
    "selectImportItemList",
    "updateImportItem",
    "selectTrnsPurchaseSalesList",
    "insertTrnsPurchase",
    "selectStockMoveList",
    "insertStockIO",
    "saveStockMaster",
)

# The VSCU jar's nested paths (RRA heritage; section 4 column "VSCU jar path").
NESTED = {
    "/initializer/selectInitInfo": "selectInitOsdcInfo",
    "/code/selectCodes": "selectCodeList",
    "/itemClass/selectItemsClass": "selectItemClsList",
    "/customers/selectCustomer": "selectCustomer",
    "/notices/selectNotices": "selectNoticeList",
    "/branches/selectBranches": "selectBhfList",
    "/branches/saveBrancheCustomers": "saveBhfCustomer",
    "/branches/saveBrancheUsers": "saveBhfUser",
    "/branches/saveBrancheInsurances": "saveBhfInsurance",
    "/items/saveItems": "saveItem",
    "/items/selectItems": "selectItemList",
    "/items/saveItemComposition": "saveItemComposition",
    "/trnsSales/saveSales": "saveTrnsSalesOsdc",
    "/trnsSales/selectInvoiceDetails": "selectInvoiceDetails",
    "/imports/selectImportItems": "selectImportItemList",
    "/imports/updateImportItems": "updateImportItem",
    "/trnsPurchase/selectTrnsPurchaseSales": "selectTrnsPurchaseSalesList",
    "/trnsPurchase/savePurchases": "insertTrnsPurchase",
    "/stock/selectStockItems": "selectStockMoveList",
    "/stock/saveStockItems": "insertStockIO",
    "/stockMaster/saveStockMaster": "saveStockMaster",
    # jar utilities
    "/main/selectServerTime": "selectServerTime",
    "/test/echoTest": "echoTest",
}

# KRA's API gateway (mode "gateway"): everything under GATEWAY_PREFIX, classic names and these.
GATEWAY_PREFIX = "/etims-oscu/api/v1"
TOKEN_PATH = "/v1/token/generate"
GATEWAY_ALIASES = {
    "initialize": "selectInitOsdcInfo",
    "selectItemClass": "selectItemClsList",
    "branchList": "selectBhfList",
    "customerPinInfo": "selectCustomer",
    "selectNotices": "selectNoticeList",
    "branchInsuranceInfo": "saveBhfInsurance",
    "branchUserAccount": "saveBhfUser",
    "branchSendCustomerInfo": "saveBhfCustomer",
    "itemInfo": "selectItemList",
    "importedItemInfo": "selectImportItemList",
    "importedItemConvertedInfo": "updateImportItem",
    "getPurchaseTransactionInfo": "selectTrnsPurchaseSalesList",
    "sendPurchaseTransactionInfo": "insertTrnsPurchase",
    "sendSalesTransaction": "saveTrnsSalesOsdc",
    "selectInvoiceDetail": "selectInvoiceDetails",
    "selectStockMoveLists": "selectStockMoveList",
    "insert/stockIO": "insertStockIO",
    "save/stockMaster": "saveStockMaster",
}
GATEWAY_ONLY = ("selectTaxPayerInfo", "selectCustomerList", "selectTrnsSalesList")

ANY_METHOD = frozenset({"selectServerTime", "echoTest"})  # everything else is POST only


@dataclass(frozen=True)
class Route:
    endpoint: str
    method_allowed: bool


class Router:
    """Path -> endpoint for one simulator mode ("oscu": classic paths; "vscu": classic + nested)."""

    def __init__(self, mode: str, missing: frozenset[str] = frozenset()) -> None:
        """`missing`: endpoints this host does not offer (their paths answer HTTP 404)."""
        self.paths: dict[str, str] = {}
        if mode == "gateway":  # the gateway serves nothing outside its prefix (but the token)
            for name in CLASSIC + GATEWAY_ONLY:
                self.paths[f"{GATEWAY_PREFIX}/{name}"] = name
            for alias, name in GATEWAY_ALIASES.items():
                self.paths[f"{GATEWAY_PREFIX}/{alias}"] = name
        else:
            for name in CLASSIC:
                self.paths[f"/etims-api/{name}"] = name
                self.paths[f"/{name}"] = name
            if mode == "vscu":
                self.paths.update(NESTED)
        self.paths = {path: name for path, name in self.paths.items() if name not in missing}

    def resolve(self, method: str, path: str) -> Route | None:
        endpoint = self.paths.get(path.split("?", 1)[0].rstrip("/") or "/")
        if endpoint is None:
            return None
        return Route(endpoint, method == "POST" or endpoint in ANY_METHOD)

    def endpoint_name(self, name_or_path: str) -> str:
        """Accept a classic name or any served path; ValueError for neither."""
        if name_or_path in CLASSIC or name_or_path in ANY_METHOD or name_or_path in GATEWAY_ONLY:
            return name_or_path
        if name_or_path in self.paths:
            return self.paths[name_or_path]
        raise ValueError(f"unknown endpoint {name_or_path!r}")

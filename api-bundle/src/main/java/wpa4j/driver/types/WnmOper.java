package wpa4j.driver.types;

/** WNM sleep mode operations ({@code enum wnm_oper}). */
public enum WnmOper {
    SLEEP_ENTER_CONFIRM,
    SLEEP_ENTER_FAIL,
    SLEEP_EXIT_CONFIRM,
    SLEEP_EXIT_FAIL,
    SLEEP_TFS_REQ_IE_ADD,
    SLEEP_TFS_REQ_IE_NONE,
    SLEEP_TFS_REQ_IE_SET,
    SLEEP_TFS_RESP_IE_ADD,
    SLEEP_TFS_RESP_IE_NONE,
    SLEEP_TFS_RESP_IE_SET,
    SLEEP_TFS_IE_DEL;
}

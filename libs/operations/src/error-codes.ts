import { AUDIT_ERROR_CODES } from '@app/audit';
import { CASEWORK_ERROR_CODES } from '@app/casework';
import { COMMON_ERROR_CODES, ErrorCodeList } from '@app/common';
import { IDENTITY_ERROR_CODES } from '@app/identity';
import { MONITORING_ERROR_CODES } from '@app/monitoring';
import { NOTICES_ERROR_CODES } from '@app/notices';
import { REFERENCE_DATA_ERROR_CODES } from '@app/reference-data';

/** Every lib's list of error codes, as the OpenAPI document publishes them (`x-error-codes`). */
export const ERROR_CODE_LISTS: Readonly<Record<string, ErrorCodeList>> = {
  common: COMMON_ERROR_CODES,
  identity: IDENTITY_ERROR_CODES,
  'reference-data': REFERENCE_DATA_ERROR_CODES,
  casework: CASEWORK_ERROR_CODES,
  notices: NOTICES_ERROR_CODES,
  monitoring: MONITORING_ERROR_CODES,
  audit: AUDIT_ERROR_CODES,
};

export const ERROR_CODES: ErrorCodeList = Object.assign({}, ...Object.values(ERROR_CODE_LISTS)) as ErrorCodeList;

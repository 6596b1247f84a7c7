export {
  createVendorMock,
  type MockOptions,
  type Scenario,
  type VendorMock,
} from "./create-mock.ts";
export { errorResponse, type MockErrorInit } from "./error-responses.ts";
export { type MockRecord, MockStore } from "./mock-store.ts";
export type {
  MockBehaviours,
  OperationsShape,
  OverrideContext,
  OverrideResolver,
  QueryParams,
  RequestBody,
  SuccessBody,
  UntypedOperations,
} from "./override-types.ts";
export { type FormatCheck, type RequestFormat, requestFormats } from "./request-formats.ts";
export type { RecordAt, RecordsShape, TypedMockStore } from "./store-types.ts";
export { TEST_CLIENT_OPTIONS } from "./test-client-options.ts";
export type {
  CompiledValidator,
  MadeValue,
  MockBehaviour,
  MockOperation,
  MockRange,
  MockSpec,
  NestedCreate,
  OperationValidators,
  RecordBlank,
} from "./types.ts";

namespace CaseContracts.Runtime;

// The part of ContractOpenApi that OpenApiEmitter writes from the contract: its schema table. Empty here, where the
// repository compiles the fixed part on its own; never emitted.
public static partial class ContractOpenApi
{
    private static readonly ContractSchema[] s_schemas = global::System.Array.Empty<ContractSchema>();
}

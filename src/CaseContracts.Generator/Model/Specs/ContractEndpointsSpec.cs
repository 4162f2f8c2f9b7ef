namespace CaseContracts.Generator.Model.Specs;

/// <summary>Every endpoint of the contract (ordinal by operation id), for the files they share: the endpoint runtime and the OpenAPI transformer.</summary>
/// <param name="Namespace">The contract's namespace.</param>
internal sealed record ContractEndpointsSpec(string Namespace, EquatableArray<EndpointSpec> Endpoints);

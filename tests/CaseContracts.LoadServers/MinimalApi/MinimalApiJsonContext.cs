using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseContracts.LoadServers.MinimalApi;

/// <summary>
/// Source-generated System.Text.Json metadata for (c)'s models, with the options that make its
/// reading as strict as the schema: exact (case-sensitive) names, numbers only as JSON numbers, the
/// discriminator anywhere in the connector object. ASP.NET Core's web defaults are laxer on the first two.
/// </summary>
[JsonSerializable(typeof(CreateCaseDto))]
[JsonSerializable(typeof(CaseDto))]
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.Strict,
    AllowOutOfOrderMetadataProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
public sealed partial class MinimalApiJsonContext : JsonSerializerContext
{
}

using System.Text.Json.Serialization;

namespace CaseServer.Cases.Storage;

/// <summary>The JSON the stores write themselves (lists passed to SQL), source-generated (no reflection).</summary>
[JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
internal sealed partial class StoreJson : JsonSerializerContext;

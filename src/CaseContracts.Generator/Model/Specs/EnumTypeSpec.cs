namespace CaseContracts.Generator.Model.Specs;

/// <summary>A C# enum for a string <c>enum</c>, with a helper class that reads and writes the exact strings.</summary>
internal sealed record EnumTypeSpec(string Namespace, string Name, string? Description, string HintName, EquatableArray<EnumMemberSpec> Members)
    : TypeSpec(Namespace, Name, Description, HintName, null);

/// <summary>An enum member and the exact JSON string it stands for.</summary>
internal sealed record EnumMemberSpec(string Name, string JsonValue);

namespace CaseContracts.Generator.Model.Specs;

/// <summary>How a value is typed in C# and read/written in JSON.</summary>
internal enum ValueKind
{
    String,
    Integer,
    Number,
    Boolean,
    /// <summary>Any JSON: <c>System.Text.Json.JsonElement</c>.</summary>
    Json,
    /// <summary>A generated record (object or union): has <c>ReadFrom</c>/<c>WriteTo</c>.</summary>
    Record,
    /// <summary>A generated enum: read/written through its <c>…Json</c> helper class.</summary>
    Enum,
    Array,
    /// <summary>An object whose members all have one value shape: <c>IReadOnlyDictionary&lt;string, T&gt;</c> (<see cref="ValueSpec.Element"/> is <c>T</c>).</summary>
    Map,
}

/// <summary>A resolved value shape: the C# type (without nullability) and, for arrays, the element (for maps, the members' value).</summary>
internal sealed record ValueSpec(ValueKind Kind, string TypeName, bool Nullable, ValueSpec? Element = null)
{
    /// <summary>The C# type including <c>?</c> where <c>null</c> is allowed.</summary>
    public string DeclaredType => Nullable ? TypeName + "?" : TypeName;

    /// <summary>True for C# value types, whose nullable form is <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsValueType => Kind is ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.Json or ValueKind.Enum;

    /// <summary>A list or a map: records compare it by content, not by reference.</summary>
    public bool IsCollection => Kind is ValueKind.Array or ValueKind.Map;
}

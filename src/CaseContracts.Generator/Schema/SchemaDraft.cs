using System;

namespace CaseContracts.Generator.Schema;

/// <summary>The JSON Schema drafts (dialects) CaseContracts reads, oldest first.</summary>
internal enum SchemaDraft
{
    /// <summary>Draft 4: <c>id</c>, boolean <c>exclusiveMaximum</c>/<c>exclusiveMinimum</c> modifying <c>maximum</c>/<c>minimum</c>.</summary>
    Draft4,

    /// <summary>Draft 6: <c>$id</c>, numeric exclusive bounds, <c>const</c>, <c>contains</c>, <c>propertyNames</c>, boolean schemas.</summary>
    Draft6,

    /// <summary>Draft 7: <c>if</c>/<c>then</c>/<c>else</c>, <c>$comment</c>, <c>readOnly</c>/<c>writeOnly</c>. The default for a file without <c>$schema</c>.</summary>
    Draft7,

    /// <summary>Draft 2019-09: <c>$defs</c>, <c>$anchor</c>, <c>dependentRequired</c>/<c>dependentSchemas</c>, <c>unevaluated*</c>, <c>$recursiveRef</c>.</summary>
    Draft201909,

    /// <summary>Draft 2020-12: <c>prefixItems</c> (and <c>items</c> for the rest), <c>$dynamicRef</c>/<c>$dynamicAnchor</c>.</summary>
    Draft202012,
}

/// <summary>Which draft a <c>$schema</c> URI or an option value names.</summary>
internal static class SchemaDrafts
{
    /// <summary>The draft of a file that names none, unless <c>CaseContractsDefaultDraft</c> says otherwise.</summary>
    public const SchemaDraft Default = SchemaDraft.Draft7;

    /// <summary>The draft a <c>$schema</c> URI names, or null when it names none CaseContracts knows.</summary>
    public static SchemaDraft? FromUri(string? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var normal = uri.Trim().TrimEnd('#');
        normal = normal.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "http://" + normal.Substring("https://".Length) : normal;
        return normal switch
        {
            "http://json-schema.org/draft-04/schema" => SchemaDraft.Draft4,
            "http://json-schema.org/draft-06/schema" => SchemaDraft.Draft6,
            "http://json-schema.org/draft-07/schema" or "http://json-schema.org/schema" => SchemaDraft.Draft7,
            "http://json-schema.org/draft/2019-09/schema" => SchemaDraft.Draft201909,
            "http://json-schema.org/draft/2020-12/schema" => SchemaDraft.Draft202012,
            _ => null,
        };
    }

    /// <summary>
    /// The draft an option value names: <c>4</c>, <c>draft-04</c>, <c>draft4</c>, <c>6</c>, <c>7</c>, <c>2019-09</c>,
    /// <c>2020-12</c> (with or without <c>draft</c>), or a <c>$schema</c> URI; null when it names none.
    /// </summary>
    public static SchemaDraft? FromOption(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (FromUri(value) is { } byUri)
        {
            return byUri;
        }

        var name = value!.Trim().ToLowerInvariant().Replace("draft", string.Empty).Trim('-', ' ', '/');
        return name switch
        {
            "4" or "04" => SchemaDraft.Draft4,
            "6" or "06" => SchemaDraft.Draft6,
            "7" or "07" => SchemaDraft.Draft7,
            "2019-09" or "201909" => SchemaDraft.Draft201909,
            "2020-12" or "202012" => SchemaDraft.Draft202012,
            _ => null,
        };
    }

    /// <summary>How diagnostics and docs name a draft.</summary>
    public static string DisplayName(this SchemaDraft draft) => draft switch
    {
        SchemaDraft.Draft4 => "draft-04",
        SchemaDraft.Draft6 => "draft-06",
        SchemaDraft.Draft7 => "draft-07",
        SchemaDraft.Draft201909 => "2019-09",
        _ => "2020-12",
    };

    /// <summary>The keyword that names a schema's base URI: <c>id</c> in draft 4, <c>$id</c> after.</summary>
    public static string IdKeyword(this SchemaDraft draft) => draft == SchemaDraft.Draft4 ? "id" : "$id";

    /// <summary>Where reusable schemas live by convention: <c>$defs</c> from 2019-09 (<c>definitions</c> is still read as a map in every draft).</summary>
    public static bool HasDefs(this SchemaDraft draft) => draft >= SchemaDraft.Draft201909;
}

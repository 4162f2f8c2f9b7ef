using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Rules;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Reads the assertions of every schema position of one file into <see cref="ValidationNode"/>s:
/// what the generated validators enforce. Keyword values of the wrong shape (a negative
/// <c>minLength</c>, a pattern .NET cannot compile…) are reported in the file, not guessed at.
/// </summary>
internal sealed class ConstraintReader
{
    private readonly SchemaLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly List<ValidationNode> _nodes = new();
    private readonly HashSet<string> _visited = new(System.StringComparer.Ordinal);

    private ConstraintReader(SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        _locator = locator;
        _diagnostics = diagnostics;
    }

    private readonly Dictionary<string, SchemaNode> _positions = new(System.StringComparer.Ordinal);

    public static List<ValidationNode> Read(SchemaNode root, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var reader = new ConstraintReader(locator, diagnostics);
        reader.Index(root);
        reader.Visit(root);
        return reader._nodes;
    }

    private void Index(SchemaNode schema)
    {
        _positions[schema.Key] = schema;
        foreach (var child in schema.AllChildren())
        {
            Index(child);
        }
    }

    private string Visit(SchemaNode schema)
    {
        var key = schema.Key;
        _visited.Add(key);
        if (schema.IsBoolean)
        {
            _nodes.Add(ValidationNode.AcceptsAll(key) with { AlwaysFails = schema.Json.Text == "false" });
            return key;
        }

        if (!schema.IsObject)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.Of(schema), "a schema must be an object or a boolean"));
            _nodes.Add(ValidationNode.AcceptsAll(key));
            return key;
        }

        string? referenceBeside = null;
        var dynamicScope = DynamicScopeOf(schema);
        if (schema.String("$ref") is { } reference)
        {
            var target = schema.ResolveReference(reference);
            if (schema.Draft < SchemaDraft.Draft201909 || (!HasAssertionsBesideReference(schema) && dynamicScope.IsEmpty))
            {
                // Drafts 4 to 7: a schema with $ref is only that reference; other keywords beside it are ignored.
                _nodes.Add(ValidationNode.AcceptsAll(key) with { RefKey = target, DynamicScope = ScopeEnteredBy(schema, target) });
                VisitDefinitions(schema);
                return key;
            }

            // 2019-09 on, $ref is an applicator like any other: it applies together with its siblings, as one
            // more member of the position's allOf (a position of its own, named by the keyword's pointer).
            referenceBeside = SchemaPaths.Key(SchemaPaths.SplitKey(key).File, schema.Pointer + "/$ref");
            _nodes.Add(ValidationNode.AcceptsAll(referenceBeside) with { RefKey = target, DynamicScope = ScopeEnteredBy(schema, target) });
        }

        var dynamicReference = DynamicReference(schema);
        var additional = schema.Value("additionalProperties");
        ReportNumbersBeyondDouble(schema, "const");
        ReportNumbersBeyondDouble(schema, "enum");
        var node = new ValidationNode(
            key,
            // "type": [] allows no value in any draft (and is reported): the validator fails closed.
            // So does "enum": [] (allowed from draft 6 on): no value is one of none.
            AlwaysFails: schema.Array("type") is { Count: 0 } || schema.Array("enum") is { Count: 0 },
            Types: TypesOf(schema),
            ConstJson: schema.Value("const")?.ToJson(),
            EnumJson: schema.Array("enum") is { } values ? values.Select(v => v.ToJson()).ToEquatableArray() : default,
            ItemsKey: schema.Child("items") is { } items && !PrefixItemsRule.TakesItems(schema) ? Visit(items) : null,
            Properties: schema.Children("properties").Select(p => new PropertyNode(p.Name!, Visit(p))).ToEquatableArray(),
            Required: schema.Strings("required") is { } required ? required.Distinct().ToEquatableArray() : default,
            RejectsAdditionalProperties: schema.Boolean("additionalProperties") == false,
            AdditionalPropertiesKey: additional is { Kind: JsonNodeKind.Object } ? Visit(schema.Child("additionalProperties")!) : null,
            AllOf: Members(schema, "allOf").Concat(new[] { referenceBeside, dynamicReference }.OfType<string>()).ToEquatableArray(),
            AnyOf: Members(schema, "anyOf"),
            OneOf: Members(schema, "oneOf"),
            RefKey: null,
            Assertions: AssertionsOf(schema),
            Applications: ApplicationsOf(schema),
            HasAdditionalProperties: additional is { Kind: JsonNodeKind.Object or JsonNodeKind.Boolean },
            DynamicScope: dynamicScope);
        _nodes.Add(node);
        VisitDefinitions(schema);
        return key;
    }

    /// <summary>
    /// <c>$dynamicRef</c> (2020-12) or <c>$recursiveRef</c> (2019-09) as a position of its own (one more <c>allOf</c> member,
    /// like <c>$ref</c> beside keywords): a reference to its initial target that, when that target declares the dynamic
    /// anchor it names (<c>$recursiveAnchor: true</c>), follows the outermost declaration in the dynamic scope instead.
    /// </summary>
    private string? DynamicReference(SchemaNode schema)
    {
        var keyword = schema.Draft >= SchemaDraft.Draft202012 ? "$dynamicRef" : schema.Draft == SchemaDraft.Draft201909 ? "$recursiveRef" : null;
        if (keyword is null || schema.String(keyword) is not { } reference)
        {
            return null;
        }

        var target = schema.ResolveReference(reference);
        string? name = null;
        if (_positions.TryGetValue(target, out var initial) && initial.IsObject)
        {
            var hash = reference.IndexOf('#');
            var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
            if (keyword == "$recursiveRef")
            {
                name = initial.Boolean("$recursiveAnchor") == true ? string.Empty : null;
            }
            else if (fragment.Length > 0 && !fragment.StartsWith("/", System.StringComparison.Ordinal) && initial.String("$dynamicAnchor") == fragment)
            {
                name = fragment;
            }
        }

        var key = SchemaPaths.Key(SchemaPaths.SplitKey(schema.Key).File, schema.Pointer + "/" + keyword);
        _nodes.Add(ValidationNode.AcceptsAll(key) with { RefKey = target, DynamicAnchorName = name });
        return key;
    }

    /// <summary>
    /// A <c>$ref</c> into another schema resource of this file, not to its root, enters that resource's dynamic scope
    /// (2019-09 on): the resource is entered all the same, though its root validator is not run ("$dynamicRef avoids
    /// the root of each schema, but scopes are still registered"). Empty when the target is a resource root (it enters
    /// itself), in the reference's own resource, or in another file.
    /// </summary>
    private EquatableArray<PropertyNode> ScopeEnteredBy(SchemaNode reference, string target)
    {
        if (reference.Draft < SchemaDraft.Draft201909 || !_positions.ContainsKey(target)
            || ResourceOf(target) is not { } resource || resource.Key == target || ResourceOf(reference.Key)?.Key == resource.Key)
        {
            return default;
        }

        return DynamicScopeOf(resource);
    }

    /// <summary>The schema resource (the file's root, or the nearest position with an <c>$id</c>) <paramref name="key"/> lies in.</summary>
    private SchemaNode? ResourceOf(string key)
    {
        var (file, pointer) = SchemaPaths.SplitKey(key);
        while (true)
        {
            if (_positions.TryGetValue(SchemaPaths.Key(file, pointer), out var position) && IsResource(position))
            {
                return position;
            }

            var slash = pointer.LastIndexOf('/');
            if (slash < 0)
            {
                return null;
            }

            pointer = slash == 0 ? SchemaPaths.RootPointer : pointer.Substring(0, slash);
        }
    }

    private static bool IsResource(SchemaNode schema)
        => schema.Pointer == SchemaPaths.RootPointer || (schema.String(schema.Draft.IdKeyword()) is { } id && !id.StartsWith("#", System.StringComparison.Ordinal));

    /// <summary>
    /// The dynamic anchors a schema resource (the file's root, or a position with an <c>$id</c>) declares: every
    /// <c>$dynamicAnchor</c> inside it but in nested resources, and <c>""</c> for <c>$recursiveAnchor: true</c> at its root.
    /// </summary>
    private EquatableArray<PropertyNode> DynamicScopeOf(SchemaNode schema)
    {
        if (!IsResource(schema) || schema.Draft < SchemaDraft.Draft201909)
        {
            return default;
        }

        var anchors = new List<PropertyNode>();
        if (schema.Boolean("$recursiveAnchor") == true)
        {
            anchors.Add(new PropertyNode(string.Empty, schema.Key));
        }

        var pending = new Stack<SchemaNode>();
        pending.Push(schema);
        while (pending.Count > 0)
        {
            var position = pending.Pop();
            if (position.String("$dynamicAnchor") is { } name && !anchors.Any(a => a.Name == name))
            {
                anchors.Add(new PropertyNode(name, position.Key));
            }

            foreach (var child in position.AllChildren())
            {
                if (!(child.IsObject && child.String(child.Draft.IdKeyword()) is { } inner && !inner.StartsWith("#", System.StringComparison.Ordinal)))
                {
                    pending.Push(child);
                }
            }
        }

        return anchors.ToEquatableArray();
    }

    private static bool HasAssertionsBesideReference(SchemaNode schema)
    {
        foreach (var keyword in schema.Keywords)
        {
            if (keyword.Name != "$ref" && SchemaKeywords.Constraining.Contains(keyword.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The keywords defined as rules, each read by its rule (which reports a value it cannot enforce).</summary>
    private EquatableArray<Assertion> AssertionsOf(SchemaNode schema)
    {
        List<Assertion>? assertions = null;
        foreach (var rule in AssertionRules.All)
        {
            if (schema.Keyword(rule.Keyword) is { } keyword && rule.Read(schema, keyword, new RuleReading(_locator, _diagnostics, keyword)) is { } argument)
            {
                (assertions ??= new List<Assertion>()).Add(new Assertion(rule.Keyword, argument));
            }
        }

        return assertions is null ? default : assertions.ToEquatableArray();
    }

    /// <summary>The keywords defined as applicator rules, each read by its rule (which visits its sub-schemas).</summary>
    private EquatableArray<Application> ApplicationsOf(SchemaNode schema)
    {
        List<Application>? applications = null;
        foreach (var rule in ApplicatorRules.All)
        {
            if (schema.Has(rule.Keyword))
            {
                foreach (var application in rule.Read(schema, new ApplicatorReading(_locator, _diagnostics, Visit)))
                {
                    (applications ??= new List<Application>()).Add(application);
                }
            }
        }

        return applications is null ? default : applications.ToEquatableArray();
    }

    private void VisitDefinitions(SchemaNode schema)
    {
        foreach (var definition in schema.Definitions())
        {
            Visit(definition);
        }

        // Every schema object a $ref may name has a validator, also one no keyword applies here (then without if,
        // a sibling of $ref up to draft 7, additionalItems beside one items schema): it may carry an $id. (A boolean
        // schema no keyword applies, such as additionalProperties: false, gets none: a pointer to it stays CC0002.)
        foreach (var child in schema.AllChildren())
        {
            if (child.IsObject && !_visited.Contains(child.Key))
            {
                Visit(child);
            }
        }
    }

    private EquatableArray<string> Members(SchemaNode schema, string keyword)
        => schema.Array(keyword) is null ? default : schema.Children(keyword).Select(Visit).ToEquatableArray();

    private static EquatableArray<string> TypesOf(SchemaNode schema) => schema.Value("type") switch
    {
        { Kind: JsonNodeKind.String } single when SchemaKeywords.TypeNames.Contains(single.Text!) => new[] { single.Text! }.ToEquatableArray(),
        { Kind: JsonNodeKind.Array } many => many.Items.Where(t => t.Kind == JsonNodeKind.String && SchemaKeywords.TypeNames.Contains(t.Text!)).Select(t => t.Text!).Distinct().ToEquatableArray(),
        _ => default,
    };

    /// <summary>A constant the generated C# could not hold is reported; the validators still compare it as JSON (failing closed).</summary>
    private void ReportNumbersBeyondDouble(SchemaNode schema, string keyword)
    {
        if (schema.Keyword(keyword) is { } property && property.Value.FirstNumberBeyondDouble() is { } number)
        {
            Report(property, RuleReading.BeyondDouble(keyword, number));
        }
    }

    private void Report(JsonMember property, string message)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.NameOf(property), message));
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Pipeline;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Validates a schema file against its draft's meta-schema with the generator's own validation: the
/// meta-schema (embedded, <c>MetaSchemas/</c>) is read, planned and evaluated exactly as any contract schema
/// is checked at build time (<see cref="ValidationProgram"/>). Each violation is a CC0010 at the keyword that
/// breaks it, unless the reader has already said something more specific there (a negative
/// <c>minLength</c>, a <c>type</c> name that does not exist…).
/// </summary>
internal static class MetaSchemaCheck
{
    private static readonly Dictionary<SchemaDraft, Lazy<MetaSchema?>> s_metaSchemas = new[]
    {
        SchemaDraft.Draft4, SchemaDraft.Draft6, SchemaDraft.Draft7, SchemaDraft.Draft201909, SchemaDraft.Draft202012,
    }.ToDictionary(d => d, d => new Lazy<MetaSchema?>(() => Load(d), LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>Adds a diagnostic per meta-schema violation of <paramref name="root"/> to <paramref name="diagnostics"/> (which holds the reader's own).</summary>
    public static void Check(SchemaNode root, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        // A file is held to the meta-schema of the draft it is read as (its $schema, else CaseContractsDefaultDraft);
        // a $schema that names no draft (a custom meta-schema) to none.
        var dialect = root.IsObject ? root.String("$schema") : null;
        if ((dialect is not null && SchemaDrafts.FromUri(dialect) is null) || !s_metaSchemas.TryGetValue(root.Draft, out var lazy) || lazy.Value is not { } meta)
        {
            return;
        }

        var reported = new HashSet<int>();
        foreach (var violation in meta.Program.Evaluate(root.Json, meta.RootMethod))
        {
            var (start, end, location) = Locate(root.Json, violation.Pointer, locator);
            if (diagnostics.Any(d => d.Location.Start >= start && d.Location.Start < end) || !reported.Add(location.Start))
            {
                continue;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BreaksMetaSchema, location, SchemaPaths.RootPointer + violation.Pointer, violation.Message, root.Draft.DisplayName()));
        }
    }

    /// <summary>The span of the value at <paramref name="pointer"/> (with its member name, when it is a member) and where to report it: the name, or the value.</summary>
    private static (int Start, int End, SourceLocation Location) Locate(JsonNode root, string pointer, SchemaLocator locator)
    {
        var node = root;
        JsonMember? member = null;
        foreach (var segment in pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~")))
        {
            if (node.Kind == JsonNodeKind.Object && node.FirstMember(segment) is { } next)
            {
                member = next;
                node = next.Value;
            }
            else if (node.Kind == JsonNodeKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < node.Items.Count)
            {
                member = null;
                node = node.Items[index];
            }
            else
            {
                break;
            }
        }

        return member is not null
            ? (member.NameStart, member.End, locator.NameOf(member))
            : (node.Start, node.End, locator.ValueOf(node));
    }

    /// <summary>The draft's meta-schema documents (the vocabularies too, from 2019-09), planned and made one program, exactly as a contract's.</summary>
    private static MetaSchema? Load(SchemaDraft draft)
    {
        var documents = MetaSchemaCatalogue.Documents(MetaSchemaCatalogue.NameOf(draft));
        var index = SchemaIndex.Create(documents);
        var options = new GeneratorOptions("CaseContracts.MetaSchemas", "meta-schemas", "/casecontracts");
        var plans = documents.Select(d => ValidatorPlanner.Plan(d, index, options)).OfType<Model.Specs.ValidatorFileSpec>().ToList();
        var root = plans.FirstOrDefault(p => p.RootMethod == ValidatorNames.Method(MetaSchemaCatalogue.RootKey(draft), options));
        return root is null ? null : new MetaSchema(ValidationProgram.Create(plans, index), root.RootMethod);
    }

    private sealed record MetaSchema(ValidationProgram Program, string RootMethod);
}

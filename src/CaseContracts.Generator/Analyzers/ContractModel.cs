using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Pipeline;
using CaseContracts.Generator.Pipeline.Stages;
using CaseContracts.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CaseContracts.Generator.Analyzers;

/// <summary>
/// What the analyzers know about the project's contract, built once per compilation from the same
/// inputs and the same stages as the generator (schema AdditionalFiles → <see cref="SchemaReader"/> →
/// <see cref="SchemaIndex"/> → <see cref="ValidatorPlanner"/> / <see cref="TypeResolver"/>): the
/// validators as a <see cref="ValidationProgram"/>, the generated types by metadata name, and the
/// schemas by the names JSON files and parameters use.
/// </summary>
internal sealed class ContractModel
{
    private ContractModel(ValidationProgram program, IReadOnlyDictionary<string, ContractType> types, IReadOnlyDictionary<string, ContractSchema> schemas, IReadOnlyList<string> schemaNames)
    {
        Program = program;
        Types = types;
        Schemas = schemas;
        SchemaNames = schemaNames;
    }

    public ValidationProgram Program { get; }

    /// <summary>Generated records and unions by metadata name (<c>Ns.Connector+Jira</c>).</summary>
    public IReadOnlyDictionary<string, ContractType> Types { get; }

    /// <summary>Schemas by name: the file's path under the schema folder without <c>.schema.json</c> (<c>connectors/jira</c>), and its file name alone when no other schema has it (<c>jira</c>).</summary>
    public IReadOnlyDictionary<string, ContractSchema> Schemas { get; }

    /// <summary>Every schema's full name, for messages.</summary>
    public IReadOnlyList<string> SchemaNames { get; }

    /// <summary>The model, or null when the project has no schema files.</summary>
    public static ContractModel? Create(ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        var options = GeneratorOptionsReader.Read(optionsProvider, cancellationToken);
        var folder = new SchemaFolder(options.ProjectDirectory, options.SchemaDirectory, options.DefaultDraft, options.SchemaBaseUri);
        var documents = additionalFiles
            .Where(file => folder.Contains(file.Path))
            .Select(file => ReadStage.Read(file, folder, cancellationToken))
            .ToList();
        if (documents.Count == 0)
        {
            return null;
        }

        // The drafts' meta-schemas a file names by URI are documents of the contract too (as in the generator).
        var metaSchemas = MetaSchemaCatalogue.Documents(documents.SelectMany(d => MetaSchemaCatalogue.ReferencedBy(d))).ToList();
        var index = SchemaIndex.Create(documents.Concat(metaSchemas));
        var files = documents.Select(d => ValidatorStage.Plan(new DocumentInput(d, index, options)).Spec).OfType<ValidatorFileSpec>().ToList();
        var program = ValidationProgram.Create(files.Concat(metaSchemas.Select(d => ValidatorStage.Plan(new DocumentInput(d, index, options)).Spec).OfType<ValidatorFileSpec>()), index);
        var types = new Dictionary<string, ContractType>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var type in TypeStage.Resolve(new DocumentInput(document, index, options)).Types)
            {
                if (ContractType.Of(type, program) is { } contractType)
                {
                    types[contractType.MetadataName] = contractType;
                }
            }
        }

        // An OpenAPI document has validators too (its inline parameter schemas), but it is not a schema JSON can be
        // checked against: it is neither a CaseContractsSchema name nor listed among them.
        var documentFiles = new HashSet<string>(documents.Where(d => d.Api is not null).Select(d => d.FilePath), StringComparer.Ordinal);
        var schemaFiles = files.Where(f => !documentFiles.Contains(SchemaPaths.SplitKey(f.Nodes[0].Key).File)).ToList();
        return new ContractModel(program, types, SchemasByName(schemaFiles, options, index), schemaFiles.Select(f => SchemaName(f, options)).OrderBy(n => n, StringComparer.Ordinal).ToList());
    }

    private static Dictionary<string, ContractSchema> SchemasByName(List<ValidatorFileSpec> files, GeneratorOptions options, SchemaIndex index)
    {
        var schemas = new Dictionary<string, ContractSchema>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = SchemaName(file, options);
            var rootKey = SchemaPaths.Key(SchemaPaths.SplitKey(file.Nodes[0].Key).File, SchemaPaths.RootPointer);
            var label = index.Find(rootKey) is { } root ? root.TypeName : name;
            schemas[name] = new ContractSchema(name, file.RootMethod, label);
        }

        foreach (var byFileName in schemas.Values.ToList().GroupBy(s => s.Name.Substring(s.Name.LastIndexOf('/') + 1), StringComparer.Ordinal))
        {
            if (byFileName.Count() == 1 && !schemas.ContainsKey(byFileName.Key))
            {
                schemas.Add(byFileName.Key, byFileName.Single());
            }
        }

        return schemas;
    }

    private static string SchemaName(ValidatorFileSpec file, GeneratorOptions options)
    {
        var relative = ValidatorNames.Relative(SchemaPaths.SplitKey(file.Nodes[0].Key).File, options);
        return SchemaPaths.Directory(relative) + SchemaPaths.Stem(relative);
    }
}

/// <summary>A schema JSON can be checked against: its name, its root validator, and how messages call it.</summary>
internal sealed record ContractSchema(string Name, string RootMethod, string Label);

/// <summary>A generated record or union: its validator and, per settable C# member, the JSON property behind it.</summary>
internal sealed record ContractType(string MetadataName, string Name, string ValidatorMethod, IReadOnlyDictionary<string, ContractMember> Members)
{
    public static ContractType? Of(TypeSpec type, ValidationProgram program)
    {
        var (properties, validator) = type switch
        {
            ObjectTypeSpec record => (record.Properties, record.ValidatorMethod),
            UnionTypeSpec union => (default(EquatableArray<PropertySpec>), union.ValidatorMethod),
            _ => (default, null),
        };
        if (validator is null)
        {
            return null;
        }

        var members = new Dictionary<string, ContractMember>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (property.IsSettable && program.PropertyMethod(validator, property.JsonName) is { } method)
            {
                members[property.Name] = new ContractMember(property.JsonName, method, property.Value!.Kind);
            }
        }

        var metadataName = type.Namespace + "." + (type.ContainingType is null ? string.Empty : type.ContainingType + "+") + type.Name;
        return new ContractType(metadataName, type.Name, validator, members);
    }
}

/// <summary>A settable member of a generated type: its JSON name, its schema position's validator, and how C# holds it.</summary>
internal sealed record ContractMember(string JsonName, string ValidatorMethod, ValueKind Kind);

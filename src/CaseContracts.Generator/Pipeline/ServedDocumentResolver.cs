using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Api;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// A declared OpenAPI document → the document to serve: each <c>$ref</c> to a schema file becomes
/// <c>#/components/schemas/&lt;name&gt;</c>; the schema files it reaches (and those they reach) become
/// <c>components.schemas</c>, as the OpenAPI component resolver wrote them (definitions as components of their
/// own, unions with a <c>discriminator</c>); each operation gains the answers its generated endpoint gives
/// without declaring them (400 for a parameter or body that breaks its schema, 413 and 415 for a body, 401
/// where security is required), with the error profile's body. Nothing is reflected from C#: the document and
/// the schema files are the description.
/// </summary>
internal static class ServedDocumentResolver
{
    private const string ComponentsPrefix = "#/components/schemas/";

    public static ServedDocumentSpec Resolve(ApiDocument api, SchemaIndex index, EquatableArray<OpenApiComponentSpec> components, string @namespace)
    {
        var byName = new Dictionary<string, OpenApiComponentSpec>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            byName[component.Name] = component;
        }

        var errorName = ErrorBodyName(api.ErrorProfile, byName);
        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        var errorReferenced = false;
        var text = api.Served;
        var json = new StringBuilder(text.Parts[0]);
        var componentsAt = -1;
        ServedDocumentSlot? componentsSlot = null;
        for (var i = 0; i < text.Slots.Count; i++)
        {
            var slot = text.Slots[i];
            switch (slot.Kind)
            {
                case ServedDocumentSlotKind.SchemaReference:
                    // Unresolved (reported as CC0104): left out, the schema then describes any value.
                    if (OpenApiComponentResolver.Target(slot.Target!, index) is { } target)
                    {
                        referenced.Add(target.Name);
                        Append(json, Member("$ref", JsonText.Quote(ComponentsPrefix + target.Name + target.Pointer)), slot.Comma);
                    }

                    break;
                case ServedDocumentSlotKind.OperationResponses:
                    if (api.Operations.FirstOrDefault(o => o.Method + " " + o.Path == slot.Target) is { } operation)
                    {
                        var added = AddedResponses(operation, api.ErrorProfile, errorName);
                        errorReferenced |= added.Count > 0 && added.Any(r => r.Contains(ComponentsPrefix));
                        Append(json, string.Join(",", added), AtObjectEnd(json));
                    }

                    break;
                default:
                    // Filled last (the schemas are known once every reference is); only appended to after this point.
                    componentsAt = json.Length;
                    componentsSlot = slot with { Comma = AtObjectEnd(json) };
                    break;
            }

            json.Append(text.Parts[i + 1]);
        }

        if (componentsSlot is not null)
        {
            var schemas = Schemas(referenced, byName, errorReferenced ? (errorName, ErrorBodySchemas.Json(api.ErrorProfile)) : null);
            if (schemas.Length > 0)
            {
                var member = Member("schemas", schemas);
                if (componentsSlot.Kind == ServedDocumentSlotKind.Components)
                {
                    member = Member("components", "{" + member + "}");
                }

                json.Insert(componentsAt, componentsSlot.Comma == SlotComma.Before ? "," + member : member);
            }
        }

        var name = Naming.ToPascalCase(api.Title);
        var stem = SchemaPaths.Stem(api.FilePath);
        var route = "/openapi/" + (stem.EndsWith(".openapi", StringComparison.OrdinalIgnoreCase) ? stem.Substring(0, stem.Length - ".openapi".Length) : stem) + ".json";
        // "openapi" in lower case: no generated type's hint name (<namespace>.<PascalCaseName>.g.cs) can be this one.
        return new ServedDocumentSpec(@namespace, @namespace + ".openapi." + name + "OpenApi.g.cs", name + "OpenApi", "Map" + name + "OpenApi", route,
            api.Title, api.Version, json.ToString(), api.FilePath);
    }

    /// <summary>
    /// The answers the generated endpoint of <paramref name="operation"/> gives on its own, those it does not
    /// declare: as Response Object members, in status order.
    /// </summary>
    private static List<string> AddedResponses(ApiOperation operation, ApiErrorProfile profile, string errorName)
    {
        var declared = new HashSet<int>(operation.Responses.Where(r => r.Status is not null).Select(r => r.Status!.Value));
        var added = new List<string>();
        var body = Member("content", "{" + Member(ErrorBodySchemas.MediaType(profile), "{" + Member("schema", "{" + Member("$ref", JsonText.Quote(ComponentsPrefix + errorName)) + "}") + "}") + "}");
        void Add(int status, string description, bool withBody)
        {
            if (!declared.Contains(status))
            {
                var members = Member("description", JsonText.Quote(description)) + (withBody ? "," + body : string.Empty);
                added.Add(Member(status.ToString(System.Globalization.CultureInfo.InvariantCulture), "{" + members + "}"));
            }
        }

        if (operation.Parameters.Count > 0 || operation.RequestBody is not null)
        {
            Add(400, "Bad Request: a parameter or the body is not valid (every error is listed).", withBody: true);
        }

        if (operation.Security.Count > 0)
        {
            Add(401, "Unauthorized: the request carries no valid credentials.", withBody: false);
        }

        if (operation.RequestBody is not null)
        {
            Add(413, "Content Too Large: the body is over the endpoint's limit.", withBody: true);
            Add(415, "Unsupported Media Type: the body is not application/json.", withBody: true);
        }

        return added;
    }

    /// <summary>The <c>schemas</c> object: every component <paramref name="roots"/> reach, in name order; empty text when none.</summary>
    private static string Schemas(SortedSet<string> roots, Dictionary<string, OpenApiComponentSpec> byName, (string Name, string Json)? errorBody)
    {
        var reached = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (reached.ContainsKey(name) || !byName.TryGetValue(name, out var component))
            {
                continue;
            }

            reached.Add(name, component.Json);
            foreach (var reference in component.References)
            {
                pending.Push(reference);
            }
        }

        if (errorBody is { } error)
        {
            reached[error.Name] = error.Json;
        }

        return reached.Count == 0 ? string.Empty : "{" + string.Join(",", reached.Select(c => Member(c.Key, c.Value))) + "}";
    }

    /// <summary>The error body's component name: the profile's, unless a schema file's component has it.</summary>
    private static string ErrorBodyName(ApiErrorProfile profile, Dictionary<string, OpenApiComponentSpec> components)
    {
        var preferred = ErrorBodySchemas.PreferredName(profile);
        var name = preferred;
        for (var n = 2; components.ContainsKey(name); n++)
        {
            name = preferred + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>The comma members appended at the end of an object need: none right after its opening brace.</summary>
    private static SlotComma AtObjectEnd(StringBuilder json) => json.Length > 0 && json[json.Length - 1] == '{' ? SlotComma.None : SlotComma.Before;

    private static string Member(string name, string json) => JsonText.Quote(name) + ":" + json;

    private static void Append(StringBuilder json, string members, SlotComma comma)
    {
        if (members.Length == 0)
        {
            return;
        }

        json.Append(comma switch
        {
            SlotComma.Before => "," + members,
            SlotComma.After => members + ",",
            _ => members,
        });
    }
}

using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Finds objects that must never be held by an incremental pipeline value: compiler objects
/// (<see cref="ISymbol"/>, <see cref="SyntaxNode"/>, <see cref="Location"/>, <see cref="Compilation"/>,
/// <see cref="SemanticModel"/>, ...) that pin whole compilations in the driver's cache and defeat
/// equality, and parser objects (the generator's own located JSON and schema nodes, <see cref="JsonDocument"/>,
/// <see cref="JsonElement"/>) that have no value equality.
/// </summary>
/// <remarks>
/// The walk follows every instance field (public or not, including record backing fields) and the items
/// of arrays, <see cref="ImmutableArray{T}"/> and the BCL collections, visiting each reference once.
/// Strings, primitives, enums and other plain values are leaves. Reports are paths such as
/// <c>root.Properties[2].Location</c>.
/// </remarks>
public static class ForbiddenObjectGraphWalker
{
    private const int MaximumVisitedObjects = 1_000_000;

    private static readonly Type[] s_forbiddenBaseTypes =
    {
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(SyntaxReference),
        typeof(SyntaxToken),
        typeof(SyntaxTrivia),
        typeof(SyntaxNodeOrToken),
        typeof(IOperation),
        typeof(Location),
        typeof(Compilation),
        typeof(SemanticModel),
        typeof(JsonDocument),
        typeof(JsonElement),
        typeof(JsonNode),
    };

    /// <summary>The generator's parse trees: read once per file, turned into equatable records before the first stage ends.</summary>
    private static readonly string[] s_forbiddenTypeNames =
    {
        "CaseContracts.Generator.Json.JsonNode", "CaseContracts.Generator.Json.JsonMember", "CaseContracts.Generator.Schema.SchemaNode",
    };

    private static readonly Type[] s_leafTypes =
    {
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(DateOnly), typeof(TimeOnly), typeof(Guid), typeof(Half), typeof(Int128), typeof(UInt128),
        typeof(System.Numerics.BigInteger), typeof(Uri), typeof(Version),
    };

    private static readonly ConcurrentDictionary<Type, FieldInfo[]> s_fieldsByType = new();

    /// <summary>Whether instances of <paramref name="type"/> are forbidden in pipeline values.</summary>
    public static bool IsForbidden(Type type) =>
        s_forbiddenBaseTypes.Any(forbidden => forbidden.IsAssignableFrom(type))
        || s_forbiddenTypeNames.Contains(type.FullName, StringComparer.Ordinal);

    /// <summary>Paths, from <paramref name="rootPath"/>, to every forbidden object reachable from <paramref name="root"/>.</summary>
    public static ImmutableArray<string> FindForbidden(object? root, string rootPath = "root") => FindForbidden(root, IsForbidden, rootPath);

    /// <summary>
    /// Paths, from <paramref name="rootPath"/>, to every object reachable from <paramref name="root"/> whose type
    /// <paramref name="isForbidden"/> rejects: for what one pipeline value must not hold though others may.
    /// </summary>
    public static ImmutableArray<string> FindForbidden(object? root, Func<Type, bool> isForbidden, string rootPath = "root")
    {
        ImmutableArray<string>.Builder found = ImmutableArray.CreateBuilder<string>();
        HashSet<object> visited = new(ReferenceEqualityComparer.Instance);
        Stack<(object Value, string Path)> pending = new();
        Push(pending, root, rootPath);

        while (pending.Count > 0)
        {
            (object value, string path) = pending.Pop();
            Type type = value.GetType();
            if (!type.IsValueType && !visited.Add(value))
            {
                continue;
            }

            if (visited.Count > MaximumVisitedObjects)
            {
                throw new InvalidOperationException($"Object graph under '{rootPath}' exceeds {MaximumVisitedObjects} objects; is a pipeline value holding something huge?");
            }

            if (isForbidden(type))
            {
                found.Add($"{path} ({type.FullName})");
                continue;
            }

            List<(object? Value, string Path)> children = GetChildren(value, type, path);
            for (int i = children.Count - 1; i >= 0; i--)
            {
                Push(pending, children[i].Value, children[i].Path);
            }
        }

        return found.ToImmutable();
    }

    /// <summary>
    /// Forbidden objects in the outputs of every tracked step of a run. Skipped unless
    /// <paramref name="includeStep"/> says otherwise: the driver's own steps
    /// (<see cref="IncrementalSteps.IsDriverStep"/>) and the output steps (<c>SourceOutput</c>, ...), whose
    /// outputs are the emitted sources and <see cref="Diagnostic"/>s, which carry locations by design.
    /// </summary>
    public static ImmutableArray<string> FindForbiddenInTrackedSteps(GeneratorDriverRunResult runResult, Func<string, bool>? includeStep = null)
    {
        ImmutableArray<string>.Builder found = ImmutableArray.CreateBuilder<string>();
        foreach (GeneratorRunResult result in runResult.Results)
        {
            Func<string, bool> include = includeStep
                ?? (name => !IncrementalSteps.IsDriverStep(name) && !result.TrackedOutputSteps.ContainsKey(name));
            foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> step in
                     result.TrackedSteps.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (!include(step.Key))
                {
                    continue;
                }

                for (int stepIndex = 0; stepIndex < step.Value.Length; stepIndex++)
                {
                    ImmutableArray<(object Value, IncrementalStepRunReason Reason)> outputs = step.Value[stepIndex].Outputs;
                    for (int outputIndex = 0; outputIndex < outputs.Length; outputIndex++)
                    {
                        found.AddRange(FindForbidden(outputs[outputIndex].Value, $"{step.Key}[{stepIndex}].Outputs[{outputIndex}]"));
                    }
                }
            }
        }

        return found.ToImmutable();
    }

    /// <summary>Fails the test, listing the paths, if any tracked step output holds a forbidden object.</summary>
    public static void AssertNoForbiddenObjectsInTrackedSteps(GeneratorDriverRunResult runResult)
    {
        ImmutableArray<string> found = FindForbiddenInTrackedSteps(runResult);
        if (!found.IsEmpty)
        {
            throw new XunitException(
                "Pipeline values hold objects that must not outlive a single step:\n  " + string.Join("\n  ", found));
        }
    }

    private static void Push(Stack<(object Value, string Path)> pending, object? value, string path)
    {
        if (value is not null && !IsLeaf(value.GetType()))
        {
            pending.Push((value, path));
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive
        || type.IsEnum
        || type.IsPointer
        || s_leafTypes.Contains(type)
        || typeof(MemberInfo).IsAssignableFrom(type)
        || typeof(Assembly).IsAssignableFrom(type)
        || typeof(Module).IsAssignableFrom(type)
        || (type.IsArray && type.GetElementType() is { } element && !IsForbidden(element) && (element.IsPrimitive || element.IsEnum || s_leafTypes.Contains(element)));

    private static List<(object? Value, string Path)> GetChildren(object value, Type type, string path)
    {
        List<(object? Value, string Path)> children = new();
        if (value is Array array)
        {
            int index = 0;
            foreach (object? item in array)
            {
                children.Add((item, $"{path}[{index++}]"));
            }

            return children;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            bool isDefault = (bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!;
            if (!isDefault)
            {
                AddItems(children, (IEnumerable)value, path);
            }

            return children;
        }

        if (value is IEnumerable enumerable && IsBclCollection(type))
        {
            try
            {
                AddItems(children, enumerable, path);
                return children;
            }
            catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException)
            {
                children.Clear();
            }
        }

        foreach (FieldInfo field in GetInstanceFields(type))
        {
            children.Add((field.GetValue(value), $"{path}.{DisplayName(field)}"));
        }

        return children;
    }

    private static void AddItems(List<(object? Value, string Path)> children, IEnumerable items, string path)
    {
        int index = 0;
        foreach (object? item in items)
        {
            children.Add((item, $"{path}[{index++}]"));
        }
    }

    private static bool IsBclCollection(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("System.Collections", StringComparison.Ordinal);

    private static FieldInfo[] GetInstanceFields(Type type) =>
        s_fieldsByType.GetOrAdd(type, static t =>
        {
            List<FieldInfo> fields = new();
            for (Type? current = t; current is not null && current != typeof(object); current = current.BaseType)
            {
                fields.AddRange(current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }

            return fields.ToArray();
        });

    /// <summary>Shows a record or auto-property backing field as its property name.</summary>
    private static string DisplayName(FieldInfo field)
    {
        const string BackingFieldSuffix = ">k__BackingField";
        string name = field.Name;
        return name.StartsWith('<') && name.EndsWith(BackingFieldSuffix, StringComparison.Ordinal)
            ? name[1..^BackingFieldSuffix.Length]
            : name;
    }
}

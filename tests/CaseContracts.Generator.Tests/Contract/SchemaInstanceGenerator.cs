using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// Random JSON instances guided by a schema, for the differential tests: a value of the schema's type with its
/// properties, enums, examples and bounds followed (most come out valid), and one-rule mutations of any document
/// (a member removed or added, a value of another kind, a bound crossed by one, an array element duplicated), which
/// mostly come out invalid. Nothing here decides validity: both validators do, and must agree.
/// </summary>
/// <remarks>
/// Deterministic for a given <see cref="Random"/>. Only the schema's own file is followed: <c>$ref</c>s to JSON
/// pointers, <c>$anchor</c>s and embedded <c>$id</c>s resolve; other references give a random value.
/// </remarks>
internal sealed class SchemaInstanceGenerator(JsonNode? root, Random random)
{
    private const int MaxDepth = 7;

    /// <summary>Keys tried against <c>patternProperties</c>/<c>propertyNames</c> patterns, and added as unknown members.</summary>
    private static readonly string[] KeyPool =
    [
        "a", "b", "foo", "bar", "x-foo", "x-", "1", "42", "abc", "a1", "FOO", "foo-bar", "foo_bar", "Foo", "$ref", "@type", "",
        "\u00e9", "\ud83d\ude00", "name", "id", "type", "value", "key", "items", "version", "v1", "test", "ab", "aaa", "f.o",
    ];

    /// <summary>Strings tried against <c>pattern</c>s before a random one.</summary>
    private static readonly string[] StringPool =
    [
        "", "a", "abc", "foo", "bar", "1", "1.0.0", "0", "x", "aaa", "ab", "abc123", "Foo", "FOO", "foo-bar", "foo_bar", "http://example.com",
        "https://example.com/a", "2020-01-01", "2020-01-01T00:00:00Z", "12:00:00", "a@b.co", "00000000-0000-0000-0000-000000000000",
        "v1", "1.2", "10", "#fff", "#000000", "./a", "a/b", "*.js", "main", "latest", "true", "\u00e9", "\ud83d\ude00", " ", "a b",
    ];

    private static readonly string Alphabet = "abcxyzABC019 -_.é€";

    /// <summary>A value generated from the root schema.</summary>
    public JsonNode? Instance() => Instance(root, 0);

    /// <summary>A deep copy of <paramref name="document"/> with one random rule-breaking change; the name of the change.</summary>
    public (JsonNode? Document, string Mutation) Mutate(JsonNode? document)
    {
        var copy = document?.DeepClone();
        var slots = new List<(JsonNode? Parent, object? Slot, JsonNode? Value)>();
        Collect(copy, null, null, slots);
        var (parent, slot, value) = slots[random.Next(slots.Count)];
        var objects = slots.Where(s => s.Value is JsonObject).Select(s => (JsonObject)s.Value!).ToList();
        var arrays = slots.Where(s => s.Value is JsonArray).Select(s => (JsonArray)s.Value!).ToList();
        switch (random.Next(10))
        {
            case 0 when objects.Any(o => o.Count > 0):
            {
                var target = Pick(objects.Where(o => o.Count > 0).ToList());
                target.Remove(Pick(target.Select(p => p.Key).ToList()));
                return (copy, "remove a member");
            }

            case 1 when objects.Count > 0:
            {
                var target = Pick(objects);
                var key = random.Next(2) == 0 ? Pick(KeyPool) : Pick(SchemaPropertyNames());
                target[key] = RandomJson(2);
                return (copy, "add a member");
            }

            case 2 when arrays.Count > 0:
            {
                var target = Pick(arrays);
                switch (random.Next(4))
                {
                    case 0 when target.Count > 0:
                        target.Add(target[random.Next(target.Count)]?.DeepClone());
                        return (copy, "duplicate an element");
                    case 1 when target.Count > 0:
                        target.RemoveAt(random.Next(target.Count));
                        return (copy, "remove an element");
                    case 2:
                        target.Clear();
                        return (copy, "empty an array");
                    default:
                        target.Add(RandomJson(2));
                        return (copy, "append an element");
                }
            }

            case 3 when slots.Any(s => s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String):
            {
                var (p, s, v) = Pick(slots.Where(s => s.Value is JsonValue x && x.GetValueKind() == JsonValueKind.String).ToList());
                var text = v!.GetValue<string>();
                var changed = random.Next(5) switch
                {
                    0 => string.Empty,
                    1 => text + new string('a', 1 + random.Next(300)),
                    2 => text.Length > 1 ? text[..^1] : text + "x",
                    3 => text.ToUpperInvariant() == text ? text.ToLowerInvariant() + "!" : text.ToUpperInvariant(),
                    _ => text + Pick(StringPool),
                };
                return (Replace(copy, p, s, JsonValue.Create(changed)), "change a string");
            }

            case 4 when slots.Any(s => s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number):
            {
                var (p, s, v) = Pick(slots.Where(s => s.Value is JsonValue x && x.GetValueKind() == JsonValueKind.Number).ToList());
                var number = double.Parse(v!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                var changed = random.Next(6) switch
                {
                    0 => number + 1,
                    1 => number - 1,
                    2 => -number - 1,
                    3 => number + 0.5,
                    4 => number * 1000 + 7,
                    _ => 0,
                };
                return (Replace(copy, p, s, Number(changed)), "change a number");
            }

            case 5 when root is not null:
            {
                // A value the schema names somewhere (an enum member, a const, an example), put where another is.
                var named = SchemaValues();
                if (named.Count > 0)
                {
                    return (Replace(copy, parent, slot, Pick(named)?.DeepClone()), "a value from elsewhere in the schema");
                }

                goto default;
            }

            case 6:
                return (Replace(copy, parent, slot, OtherKind(value)), "a value of another kind");
            case 7:
                return (Replace(copy, parent, slot, null), "null");
            default:
                return (Replace(copy, parent, slot, RandomJson(3)), "a random value");
        }
    }

    /// <summary>A random JSON value up to <paramref name="depth"/> levels deep.</summary>
    public JsonNode? RandomJson(int depth)
    {
        switch (random.Next(depth > 0 ? 8 : 6))
        {
            case 0:
                return null;
            case 1:
                return JsonValue.Create(random.Next(2) == 0);
            case 2:
                return Number(random.Next(4) == 0 ? random.NextDouble() * 200 - 100 : random.Next(-20, 200));
            case 3:
            case 4:
                return JsonValue.Create(Pick(StringPool));
            case 5:
                return JsonValue.Create(RandomString(0, 12));
            case 6:
            {
                var array = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    array.Add(RandomJson(depth - 1));
                }

                return array;
            }

            default:
            {
                var obj = new JsonObject();
                for (var i = random.Next(4); i > 0; i--)
                {
                    obj[Pick(KeyPool)] = RandomJson(depth - 1);
                }

                return obj;
            }
        }
    }

    private JsonNode? Instance(JsonNode? schema, int depth)
    {
        if (schema is not JsonObject s)
        {
            return RandomJson(2); // true, false or not a schema: any value (the validators decide)
        }

        if (s.ContainsKey("const"))
        {
            return s["const"]?.DeepClone();
        }

        if (s["enum"] is JsonArray { Count: > 0 } members)
        {
            return Pick(members.ToList())?.DeepClone();
        }

        if (s["examples"] is JsonArray { Count: > 0 } examples && random.Next(3) == 0)
        {
            return Pick(examples.ToList())?.DeepClone();
        }

        if (s.ContainsKey("default") && random.Next(5) == 0)
        {
            return s["default"]?.DeepClone();
        }

        if (depth > MaxDepth)
        {
            return Minimal(s);
        }

        foreach (var reference in new[] { "$ref", "$dynamicRef", "$recursiveRef" })
        {
            if (s[reference] is JsonValue target && target.GetValueKind() == JsonValueKind.String)
            {
                var resolved = Resolve(target.GetValue<string>());
                return resolved is null ? RandomJson(2) : Instance(Merge(Without(s, reference), resolved), depth + 1);
            }
        }

        if (s["allOf"] is JsonArray { Count: > 0 } all)
        {
            var merged = Without(s, "allOf");
            foreach (var member in all)
            {
                merged = Merge(merged, Dereference(member));
            }

            return Instance(merged, depth + 1);
        }

        foreach (var choice in new[] { "oneOf", "anyOf" })
        {
            if (s[choice] is JsonArray { Count: > 0 } branches)
            {
                return Instance(Merge(Without(s, choice), Dereference(Pick(branches.ToList()))), depth + 1);
            }
        }

        if (s["if"] is JsonObject condition && random.Next(2) == 0)
        {
            // Take the "then" side: generate from if and then together, so the condition holds (mostly).
            var merged = Merge(Without(s, "if", "then", "else"), condition);
            return Instance(s["then"] is JsonObject then ? Merge(merged, then) : merged, depth + 1);
        }

        return Typed(s, PickType(s), depth);
    }

    private JsonNode? Typed(JsonObject s, string type, int depth)
    {
        switch (type)
        {
            case "null":
                return null;
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            case "integer":
            case "number":
                return NumberIn(s, type == "integer");
            case "string":
                return JsonValue.Create(StringIn(s));
            case "array":
                return ArrayIn(s, depth);
            default:
                return ObjectIn(s, depth);
        }
    }

    private JsonObject ObjectIn(JsonObject s, int depth)
    {
        var obj = new JsonObject();
        var properties = s["properties"] as JsonObject;
        var required = (s["required"] as JsonArray)?.Select(r => r is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        var additional = s["additionalProperties"];
        foreach (var (name, schema) in properties ?? [])
        {
            if (schema is JsonValue no && no.GetValueKind() == JsonValueKind.False)
            {
                continue;
            }

            if (required.Contains(name) || random.Next(3) != 0)
            {
                obj[name] = Instance(schema, depth + 1);
            }
        }

        foreach (var name in required.Where(r => !obj.ContainsKey(r)))
        {
            obj[name] = Instance(additional is JsonObject ? additional : null, depth + 1);
        }

        if (s["patternProperties"] is JsonObject patterns && random.Next(2) == 0)
        {
            foreach (var (pattern, schema) in patterns)
            {
                if (KeyMatching(pattern) is { } key && !obj.ContainsKey(key))
                {
                    obj[key] = Instance(schema, depth + 1);
                }
            }
        }

        var extraAllowed = additional is not JsonValue closed || closed.GetValueKind() != JsonValueKind.False;
        var minProperties = Integer(s["minProperties"]) ?? 0;
        for (var i = 0; extraAllowed && (obj.Count < minProperties || (i == 0 && random.Next(4) == 0)) && i < 20; i++)
        {
            var key = Pick(KeyPool);
            if (!obj.ContainsKey(key) && !(properties?.ContainsKey(key) ?? false))
            {
                obj[key] = Instance(additional is JsonObject ? additional : null, depth + 1);
            }
        }

        return obj;
    }

    private JsonArray ArrayIn(JsonObject s, int depth)
    {
        var array = new JsonArray();
        var prefix = s["prefixItems"] as JsonArray ?? s["items"] as JsonArray;
        var items = s["items"] is JsonArray ? s["additionalItems"] : s["items"];
        var min = Integer(s["minItems"]) ?? 0;
        var max = Math.Min(Integer(s["maxItems"]) ?? min + 4, min + 4);
        var count = min + random.Next(Math.Max(1, max - min + 1));
        for (var i = 0; i < count; i++)
        {
            if (prefix is not null && i < prefix.Count)
            {
                array.Add(Instance(prefix[i], depth + 1));
            }
            else if (items is JsonValue none && none.GetValueKind() == JsonValueKind.False)
            {
                break;
            }
            else
            {
                array.Add(Instance(items, depth + 1));
            }
        }

        if (s["contains"] is JsonObject contains && random.Next(3) != 0)
        {
            array.Insert(random.Next(array.Count + 1), Instance(contains, depth + 1));
        }

        return array;
    }

    private JsonNode NumberIn(JsonObject s, bool integer)
    {
        var low = Double(s["minimum"]) ?? (Double(s["exclusiveMinimum"]) is { } exclusiveLow ? exclusiveLow + (integer ? 1 : 0.5) : (double?)null);
        var high = Double(s["maximum"]) ?? (Double(s["exclusiveMaximum"]) is { } exclusiveHigh ? exclusiveHigh - (integer ? 1 : 0.5) : (double?)null);
        var from = low ?? (high is { } h ? h - 100 : -10);
        var to = high ?? from + 100;
        if (to < from)
        {
            to = from;
        }

        if (Double(s["multipleOf"]) is { } step && step > 0)
        {
            var k = Math.Ceiling(from / step) + random.Next((int)Math.Min(20, Math.Max(0, Math.Floor((to - from) / step)) + 1));
            return Number(k * step);
        }

        var value = from + (random.NextDouble() * (to - from));
        return integer || random.Next(2) == 0 ? Number(Math.Round(value) < from ? Math.Ceiling(value) : Math.Round(value) > to ? Math.Floor(value) : Math.Round(value)) : Number(value);
    }

    private string StringIn(JsonObject s)
    {
        var min = Integer(s["minLength"]) ?? 0;
        var max = Integer(s["maxLength"]) ?? Math.Max(min, 16);
        if (s["pattern"] is JsonValue p && p.GetValueKind() == JsonValueKind.String)
        {
            var candidates = StringPool.Where(c => Matches(p.GetValue<string>(), c) && Length(c) >= min && Length(c) <= max).ToList();
            if (candidates.Count > 0)
            {
                return Pick(candidates);
            }
        }

        if (s["format"] is JsonValue f && random.Next(3) != 0)
        {
            var formatted = f.ToString() switch
            {
                "date-time" => "2024-02-29T12:30:00Z",
                "date" => "2024-02-29",
                "time" => "12:30:00Z",
                "email" => "someone@example.com",
                "uri" or "uri-reference" or "iri" or "url" => "https://example.com/x",
                "uuid" => "123e4567-e89b-12d3-a456-426614174000",
                "ipv4" => "192.168.0.1",
                "hostname" => "example.com",
                _ => null,
            };
            if (formatted is not null)
            {
                return formatted;
            }
        }

        return RandomString(min, Math.Min(max, min + 20));
    }

    private string RandomString(int min, int max)
    {
        var length = min + random.Next(Math.Max(1, max - min + 1));
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(20) == 0 ? "\ud83d\ude00" : Alphabet[random.Next(Alphabet.Length)].ToString());
        }

        return text.ToString();
    }

    private JsonNode? Minimal(JsonObject s) => PickType(s) switch
    {
        "object" => new JsonObject(),
        "array" => new JsonArray(),
        "string" => JsonValue.Create(new string('a', Integer(s["minLength"]) ?? 0)),
        "integer" or "number" => NumberIn(s, true),
        "boolean" => JsonValue.Create(false),
        _ => null,
    };

    private string PickType(JsonObject s)
    {
        var declared = s["type"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
            JsonArray a => a.Select(t => t?.ToString()).OfType<string>().ToList(),
            _ => new List<string>(),
        };
        if (declared.Count > 0)
        {
            return Pick(declared);
        }

        var inferred = new List<string>();
        if (s.ContainsKey("properties") || s.ContainsKey("required") || s.ContainsKey("additionalProperties") || s.ContainsKey("patternProperties") || s.ContainsKey("minProperties"))
        {
            inferred.Add("object");
        }

        if (s.ContainsKey("items") || s.ContainsKey("prefixItems") || s.ContainsKey("minItems") || s.ContainsKey("contains") || s.ContainsKey("uniqueItems"))
        {
            inferred.Add("array");
        }

        if (s.ContainsKey("minLength") || s.ContainsKey("maxLength") || s.ContainsKey("pattern") || s.ContainsKey("format"))
        {
            inferred.Add("string");
        }

        if (s.ContainsKey("minimum") || s.ContainsKey("maximum") || s.ContainsKey("multipleOf") || s.ContainsKey("exclusiveMinimum"))
        {
            inferred.Add("number");
        }

        return inferred.Count > 0 && random.Next(6) != 0 ? Pick(inferred) : Pick(["null", "boolean", "integer", "number", "string", "array", "object"]);
    }

    private JsonNode? Dereference(JsonNode? schema)
        => schema is JsonObject s && s["$ref"] is JsonValue r && r.GetValueKind() == JsonValueKind.String && Resolve(r.GetValue<string>()) is { } target
            ? Merge(Without(s, "$ref"), target)
            : schema;

    /// <summary>A reference within the root's file: <c>#</c>, a JSON pointer, an <c>$anchor</c>, or an embedded <c>$id</c>.</summary>
    private JsonNode? Resolve(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var resource = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(reference[(hash + 1)..]);
        var scope = resource.Length == 0 ? root : Schemas(root).FirstOrDefault(n => n["$id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String
            && (id.GetValue<string>() == resource || id.GetValue<string>().EndsWith("/" + resource.TrimStart('.', '/'), StringComparison.Ordinal)));
        if (scope is null)
        {
            return null;
        }

        if (fragment.Length == 0)
        {
            return scope;
        }

        if (!fragment.StartsWith('/'))
        {
            return Schemas(scope).FirstOrDefault(n => (n["$anchor"] ?? n["$dynamicAnchor"]) is JsonValue a && a.ToString() == fragment);
        }

        JsonNode? at = scope;
        foreach (var token in fragment[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            at = at switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return at;
    }

    private static IEnumerable<JsonObject> Schemas(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (key, value) in obj)
                {
                    if (key is "const" or "enum" or "examples" or "default")
                    {
                        continue;
                    }

                    foreach (var inner in Schemas(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var inner in array.SelectMany(Schemas))
                {
                    yield return inner;
                }

                break;
        }
    }

    /// <summary>Both schemas' keywords in one: <paramref name="extra"/>'s win, except properties (merged) and required (united).</summary>
    private static JsonObject Merge(JsonObject into, JsonNode? extra)
    {
        if (extra is not JsonObject other)
        {
            return into;
        }

        var merged = (JsonObject)into.DeepClone();
        foreach (var (key, value) in other)
        {
            if (key == "properties" && merged["properties"] is JsonObject mine && value is JsonObject theirs)
            {
                foreach (var (name, schema) in theirs)
                {
                    mine[name] = schema?.DeepClone();
                }
            }
            else if (key == "required" && merged["required"] is JsonArray have && value is JsonArray add)
            {
                foreach (var name in add.Select(n => n?.ToString()).Where(n => !have.Any(h => h?.ToString() == n)))
                {
                    have.Add(name);
                }
            }
            else if (key is not ("$id" or "$schema" or "$defs" or "definitions"))
            {
                merged[key] = value?.DeepClone();
            }
        }

        return merged;
    }

    private static JsonObject Without(JsonObject schema, params string[] keys)
    {
        var copy = (JsonObject)schema.DeepClone();
        foreach (var key in keys)
        {
            copy.Remove(key);
        }

        return copy;
    }

    private string? KeyMatching(string pattern)
    {
        var keys = KeyPool.Where(k => Matches(pattern, k)).ToList();
        return keys.Count > 0 ? Pick(keys) : null;
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private List<string> SchemaPropertyNames()
    {
        var names = Schemas(root).SelectMany(s => (s["properties"] as JsonObject)?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal).ToList();
        return names.Count > 0 ? names : [.. KeyPool];
    }

    private List<JsonNode?> SchemaValues()
        => Schemas(root).SelectMany(s => (s.ContainsKey("const") ? [s["const"]] : Enumerable.Empty<JsonNode?>())
            .Concat((s["enum"] as JsonArray)?.AsEnumerable() ?? [])
            .Concat((s["examples"] as JsonArray)?.AsEnumerable() ?? [])).Take(200).ToList();

    private JsonNode? OtherKind(JsonNode? value)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        while (true)
        {
            var candidate = RandomJson(2);
            if ((candidate?.GetValueKind() ?? JsonValueKind.Null) is var k && k != kind && !(kind is JsonValueKind.True or JsonValueKind.False && k is JsonValueKind.True or JsonValueKind.False))
            {
                return candidate;
            }
        }
    }

    private static JsonNode? Replace(JsonNode? root, JsonNode? parent, object? slot, JsonNode? value)
    {
        switch (parent)
        {
            case JsonObject obj:
                obj[(string)slot!] = value;
                return root;
            case JsonArray array:
                array[(int)slot!] = value;
                return root;
            default:
                return value; // the root itself
        }
    }

    private static void Collect(JsonNode? node, JsonNode? parent, object? slot, List<(JsonNode? Parent, object? Slot, JsonNode? Value)> slots)
    {
        slots.Add((parent, slot, node));
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    Collect(value, obj, key, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], array, i, slots);
                }

                break;
        }
    }

    private static int Length(string text) => text.EnumerateRunes().Count();

    private static int? Integer(JsonNode? node) => Double(node) is { } d ? (int)Math.Clamp(d, 0, 1_000) : null;

    private static double? Double(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    /// <summary>A number as JSON: integral values without a fraction, others in round-trip form.</summary>
    private static JsonNode Number(double value)
        => double.IsFinite(value) && Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? JsonValue.Create((long)value)
            : JsonNode.Parse(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "0")!;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

// Emitted by JsonSupportEmitter, once per compilation, as CaseContracts.Internal.JsonSupport.g.cs.
// Written as generated code is: global::-qualified names, [GeneratedCode] standing for the generator's attribute.

namespace CaseContracts.Internal;

/// <summary>
/// Shared helpers of the code CaseContracts generates. Not meant to be called directly.
/// </summary>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal static class JsonSupport
{
    /// <summary>Reads one value; the reader is positioned on the value's first token.</summary>
    public delegate T ReadFunc<T>(ref global::System.Text.Json.Utf8JsonReader reader);

    /// <summary>
    /// Options for every generated parse: trailing commas accepted (common in hand-written requests),
    /// comments rejected (not JSON), nesting limited to 64.
    /// </summary>
    public static readonly global::System.Text.Json.JsonReaderOptions ReaderOptions = new global::System.Text.Json.JsonReaderOptions
    {
        AllowTrailingCommas = true,
        CommentHandling = global::System.Text.Json.JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>Why JSON holding a string that is not valid Unicode (invalid UTF-8, an unpaired surrogate escape) cannot be read.</summary>
    public const string InvalidUnicodeMessage = "The JSON text contains a string that is not valid Unicode (invalid UTF-8, or an unpaired surrogate escape such as \\ud800).";

    /// <summary>Parses a complete UTF-8 JSON document with <paramref name="read"/>.</summary>
    public static T Parse<T>(global::System.ReadOnlySpan<byte> utf8Json, ReadFunc<T> read)
    {
        var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            Next(ref reader);
            var value = read(ref reader);
            if (reader.Read())
            {
                throw new global::System.Text.Json.JsonException("Unexpected content after the JSON value.");
            }

            return value;
        }
        catch (global::System.InvalidOperationException e)
        {
            throw new global::System.Text.Json.JsonException(InvalidUnicodeMessage, e);
        }
    }

    /// <summary>Parses a complete JSON document given as text.</summary>
    public static T Parse<T>(string json, ReadFunc<T> read)
        => Parse(global::System.Text.Encoding.UTF8.GetBytes(json), read);

    /// <summary>Writes <paramref name="value"/> with <paramref name="write"/> and returns the JSON text.</summary>
    public static string ToJson<T>(T value, global::System.Action<T, global::System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(value, writer);
        }

        return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="value"/> with <paramref name="write"/> and returns the UTF-8 JSON.</summary>
    public static byte[] ToUtf8<T>(T value, global::System.Action<T, global::System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(value, writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Advances to the next token; the end of the data here means the JSON is incomplete.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Next(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            ThrowUnexpectedEnd();
        }
    }

    // Kept out of Next so the JIT can inline Next on every token.
    [global::System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowUnexpectedEnd() => throw new global::System.Text.Json.JsonException("Unexpected end of JSON data.");

    /// <summary>
    /// The name of the property at <paramref name="reader"/> as UTF-8, to compare with the schema's names as
    /// spans: the input bytes themselves, unless the name has escapes or spans buffers (then unescaped once).
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static global::System.ReadOnlySpan<byte> PropertyName(ref global::System.Text.Json.Utf8JsonReader reader)
        => reader.ValueIsEscaped || reader.HasValueSequence ? UnescapedPropertyName(ref reader) : reader.ValueSpan;

    private static byte[] UnescapedPropertyName(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
        try
        {
            return global::System.MemoryExtensions.AsSpan(buffer, 0, reader.CopyString(buffer)).ToArray();
        }
        catch (global::System.InvalidOperationException)
        {
            // Not valid Unicode ("\ud800" alone): it matches no schema name, so the member is unknown.
            return s_noName;
        }
    }

    // Not UTF-8, so equal to no property name of any schema.
    private static readonly byte[] s_noName = { 0xFF };

    /// <summary>
    /// From an object's start, moves <paramref name="reader"/> (a copy: the caller keeps its position)
    /// to the value of property <paramref name="name"/>. False when the object has no such property.
    /// </summary>
    public static bool SeekProperty(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> name)
    {
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)
            {
                return false;
            }

            var found = global::System.MemoryExtensions.SequenceEqual(PropertyName(ref reader), name);
            Next(ref reader);
            if (found)
            {
                return true;
            }

            reader.Skip();
        }
    }

    /// <summary>
    /// Collects an array's elements in a per-thread scratch buffer and copies them into an exactly sized array
    /// at the end: the result holds no slack and growing costs no garbage once the buffer is warm (a list
    /// would keep both). A buffer in use is taken from the thread, so nested arrays each get their own.
    /// </summary>
    public struct ArrayBuilder<T>
    {
        [global::System.ThreadStatic]
        private static T[]? t_scratch;

        // Large buffers are let go rather than kept per thread.
        private const int MaxKeptLength = 1024;

        private T[]? _items;
        private int _count;

        /// <summary>Adds an element.</summary>
        public void Add(T item)
        {
            var items = _items;
            if (items is not null && (uint)_count < (uint)items.Length)
            {
                items[_count++] = item;
                return;
            }

            AddWithResize(item);
        }

        /// <summary>The elements, in an array of exactly their number.</summary>
        public T[] ToArray()
        {
            if (_count == 0)
            {
                return global::System.Array.Empty<T>();
            }

            var items = _items!;
            var result = new T[_count];
            global::System.Array.Copy(items, result, _count);
            if (global::System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                global::System.Array.Clear(items, 0, _count);
            }

            if (items.Length <= MaxKeptLength)
            {
                t_scratch = items;
            }

            return result;
        }

        private void AddWithResize(T item)
        {
            if (_items is null)
            {
                _items = t_scratch ?? new T[16];
                t_scratch = null;
            }
            else
            {
                global::System.Array.Resize(ref _items, _items.Length * 2);
            }

            _items[_count++] = item;
        }
    }

    /// <summary>Reads a JSON array with <paramref name="readElement"/> for each element.</summary>
    public static global::System.Collections.Generic.List<T> ReadArray<T>(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property, ReadFunc<T> readElement)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray)
        {
            throw Mismatch(ref reader, owner, property, "an array");
        }

        var list = new global::System.Collections.Generic.List<T>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(readElement(ref reader));
        }
    }

    /// <summary>Writes a JSON array with <paramref name="writeElement"/> for each element.</summary>
    public static void WriteArray<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyList<T> values, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeElement)
    {
        writer.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            writeElement(writer, values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Reads a JSON object as a map, with <paramref name="readMember"/> for each member's value, in the document's order
    /// (a name given twice keeps its last value, as the validators see it).
    /// </summary>
    public static global::System.Collections.Generic.Dictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property, ReadFunc<T> readMember)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
        {
            throw Mismatch(ref reader, owner, property, "an object");
        }

        var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)
            {
                return map;
            }

            var name = reader.GetString()!;
            Next(ref reader);
            map[name] = readMember(ref reader);
        }
    }

    /// <summary>Writes a map as a JSON object with <paramref name="writeMember"/> for each member's value.</summary>
    public static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, T> members, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeMember)
    {
        writer.WriteStartObject();
        foreach (var member in members)
        {
            writer.WritePropertyName(member.Key);
            writeMember(writer, member.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a string.</summary>
    public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property)
        => reader.TokenType == global::System.Text.Json.JsonTokenType.String
            ? GetString(ref reader)
            : throw Mismatch(ref reader, owner, property, "a string");

    /// <summary>
    /// The string token at <paramref name="reader"/>, as <c>Utf8JsonReader.GetString</c> gives it. Text without escapes
    /// that is ASCII (most of it) takes one check and a widening copy; the reader's own path validates and transcodes
    /// UTF-8, which costs several times more per string (and stays for escapes and other text, with its errors).
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static string GetString(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && global::System.Text.Ascii.IsValid(reader.ValueSpan))
        {
            return global::System.Text.Encoding.Latin1.GetString(reader.ValueSpan);
        }

        return reader.GetString()!;
    }

    /// <summary>Reads a string or <c>null</c>.</summary>
    public static string? ReadNullableString(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property)
        => reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader, owner, property);

    /// <summary>Reads an integer (JSON Schema counts <c>1.0</c> as an integer too).</summary>
    public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var integer))
            {
                return integer;
            }

            if (reader.TryGetDouble(out var number) && global::System.Math.Floor(number) == number && number >= -9.2233720368547758E18 && number < 9.2233720368547758E18)
            {
                return (long)number;
            }
        }

        throw Mismatch(ref reader, owner, property, "an integer");
    }

    /// <summary>An integer that fits 64 bits (JSON Schema counts <c>1.0</c> as an integer too); false otherwise, without throwing.</summary>
    public static bool TryGetInteger(ref global::System.Text.Json.Utf8JsonReader reader, out long value)
    {
        if (reader.TryGetInt64(out value))
        {
            return true;
        }

        if (reader.TryGetDouble(out var number) && global::System.Math.Floor(number) == number && number >= -9.2233720368547758E18 && number < 9.2233720368547758E18)
        {
            value = (long)number;
            return true;
        }

        return false;
    }

    /// <summary>Reads an integer or <c>null</c>.</summary>
    public static long? ReadNullableInt64(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property)
        => reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadInt64(ref reader, owner, property);

    /// <summary>Reads a number.</summary>
    public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property)
        => reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out var number)
            ? number
            : throw Mismatch(ref reader, owner, property, "a number");

    /// <summary>Reads a number or <c>null</c>.</summary>
    public static double? ReadNullableDouble(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property)
        => reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDouble(ref reader, owner, property);

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property)
        => reader.TokenType switch
        {
            global::System.Text.Json.JsonTokenType.True => true,
            global::System.Text.Json.JsonTokenType.False => false,
            _ => throw Mismatch(ref reader, owner, property, "a boolean"),
        };

    /// <summary>Reads <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public static bool? ReadNullableBoolean(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property)
        => reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadBoolean(ref reader, owner, property);

    /// <summary>Reads any JSON value as an element that owns its data.</summary>
    public static global::System.Text.Json.JsonElement ReadElement(ref global::System.Text.Json.Utf8JsonReader reader)
        => global::System.Text.Json.JsonElement.ParseValue(ref reader);

    /// <summary>Checks that the current value is the fixed JSON <paramref name="expected"/> (a string or <c>null</c>).</summary>
    public static void ExpectConstant(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property, string? expected)
    {
        var matches = expected is null
            ? reader.TokenType == global::System.Text.Json.JsonTokenType.Null
            : reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.ValueTextEquals(expected);
        if (!matches)
        {
            throw Mismatch(ref reader, owner, property, expected is null ? "null" : "\"" + expected + "\"");
        }
    }

    /// <summary>An unexpected token.</summary>
    public static global::System.Text.Json.JsonException Mismatch(ref global::System.Text.Json.Utf8JsonReader reader, string owner, string property, string expected)
        => new global::System.Text.Json.JsonException(owner + "." + property + ": expected " + expected + " but found " + Describe(ref reader) + " at byte " + reader.TokenStartIndex + ".");

    /// <summary>A property the schema does not allow (<c>additionalProperties: false</c>).</summary>
    public static global::System.Text.Json.JsonException UnknownProperty(ref global::System.Text.Json.Utf8JsonReader reader, string owner)
        => new global::System.Text.Json.JsonException(owner + ": unknown property '" + reader.GetString() + "' at byte " + reader.TokenStartIndex + ".");

    /// <summary>A required property that is absent.</summary>
    public static global::System.Text.Json.JsonException MissingProperty(string owner, string property)
        => new global::System.Text.Json.JsonException(owner + ": required property '" + property + "' is missing.");

    /// <summary>A discriminator value no variant has.</summary>
    public static global::System.Text.Json.JsonException UnknownVariant(ref global::System.Text.Json.Utf8JsonReader reader, string union, string property, string expected)
        => new global::System.Text.Json.JsonException(union + "." + property + ": expected one of " + expected + " but found " + Describe(ref reader) + ".");

    /// <summary>Element-wise equality for the lists of generated records.</summary>
    public static bool SequenceEqual<T>(global::System.Collections.Generic.IReadOnlyList<T>? left, global::System.Collections.Generic.IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = global::System.Collections.Generic.EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code consistent with <see cref="SequenceEqual{T}"/>.</summary>
    public static int SequenceHashCode<T>(global::System.Collections.Generic.IReadOnlyList<T>? values)
    {
        var hash = new global::System.HashCode();
        if (values is not null)
        {
            for (var i = 0; i < values.Count; i++)
            {
                hash.Add(values[i]);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>Member-wise equality for the maps of generated records: the same names with equal values, in any order.</summary>
    public static bool MapEqual<T>(global::System.Collections.Generic.IReadOnlyDictionary<string, T>? left, global::System.Collections.Generic.IReadOnlyDictionary<string, T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = global::System.Collections.Generic.EqualityComparer<T>.Default;
        foreach (var member in left)
        {
            if (!right.TryGetValue(member.Key, out var other) || !comparer.Equals(member.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code consistent with <see cref="MapEqual{T}"/> (independent of the members' order).</summary>
    public static int MapHashCode<T>(global::System.Collections.Generic.IReadOnlyDictionary<string, T>? members)
    {
        var hash = 0;
        if (members is not null)
        {
            var comparer = global::System.Collections.Generic.EqualityComparer<T>.Default;
            foreach (var member in members)
            {
                // Added, not combined in sequence: equal maps may enumerate their members in different orders.
                hash = unchecked(hash + global::System.HashCode.Combine(global::System.StringComparer.Ordinal.GetHashCode(member.Key), member.Value is null ? 0 : comparer.GetHashCode(member.Value)));
            }
        }

        return hash;
    }

    /// <summary>The JSON Schema type of a value (an integer is a number with no fraction, 1.0 included).</summary>
    public enum JsonKind
    {
        /// <summary><c>null</c>.</summary>
        Null,
        /// <summary><c>true</c> or <c>false</c>.</summary>
        Boolean,
        /// <summary>A number with no fractional part.</summary>
        Integer,
        /// <summary>Any other number.</summary>
        Number,
        /// <summary>A string.</summary>
        String,
        /// <summary>An object.</summary>
        Object,
        /// <summary>An array.</summary>
        Array,
    }

    /// <summary>The JSON Schema type of the value at <paramref name="reader"/>.</summary>
    public static JsonKind KindOf(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.Null => JsonKind.Null,
        global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False => JsonKind.Boolean,
        global::System.Text.Json.JsonTokenType.String => JsonKind.String,
        global::System.Text.Json.JsonTokenType.StartObject => JsonKind.Object,
        global::System.Text.Json.JsonTokenType.StartArray => JsonKind.Array,
        _ => reader.TryGetInt64(out _) || (reader.TryGetDecimal(out var d) && decimal.Truncate(d) == d) || (reader.TryGetDouble(out var f) && global::System.Math.Floor(f) == f && !double.IsInfinity(f))
            ? JsonKind.Integer
            : JsonKind.Number,
    };

    /// <summary>The value at <paramref name="reader"/> as JSON text, truncated for messages; the reader stays where it is.</summary>
    public static string ValueText(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        string text;
        switch (reader.TokenType)
        {
            case global::System.Text.Json.JsonTokenType.String:
                text = GetString(ref reader);
                break;
            case global::System.Text.Json.JsonTokenType.StartObject:
            case global::System.Text.Json.JsonTokenType.StartArray:
                text = RawText(ref reader);
                break;
            default:
                text = reader.HasValueSequence
                    ? global::System.Text.Encoding.UTF8.GetString(global::System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
                    : global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                break;
        }

        return Truncate(text);
    }

    // Reading a structure moves a reader: a copy's. Apart, so that no caller's frame holds (and zeroes) a 192-byte copy.
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string RawText(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        // Every reader of the generated code reads one span, so the structure's text is the bytes from its first token
        // to its last, as written: only as many are decoded as the message shows (Truncate), four per character.
        var copy = reader;
        copy.Skip();
        ref var first = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(reader.ValueSpan);
        var length = (long)global::System.Runtime.CompilerServices.Unsafe.ByteOffset(ref first, ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(copy.ValueSpan)) + 1;
        var shown = (int)global::System.Math.Min(length, 4 * (MessageValueLength + 2));
        return global::System.Text.Encoding.UTF8.GetString(global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref first, shown));
    }

    /// <summary>A schema constant (<c>const</c>/<c>enum</c> value), parsed once.</summary>
    public static global::System.Text.Json.JsonElement Constant(string json)
    {
        using var document = global::System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Whether the value at <paramref name="reader"/> (a copy) equals <paramref name="constant"/> as JSON Schema compares values.</summary>
    public static bool EqualsConstant(global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonElement constant)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)
        {
            return constant.ValueKind == global::System.Text.Json.JsonValueKind.String && reader.ValueTextEquals(constant.GetString());
        }

        return JsonEquals(global::System.Text.Json.JsonElement.ParseValue(ref reader), constant);
    }

    /// <summary>JSON Schema equality: numbers by value (1 equals 1.0), objects regardless of member order, arrays in order.</summary>
    public static bool JsonEquals(global::System.Text.Json.JsonElement left, global::System.Text.Json.JsonElement right)
    {
        switch (left.ValueKind)
        {
            case global::System.Text.Json.JsonValueKind.Number when right.ValueKind == global::System.Text.Json.JsonValueKind.Number:
                return left.TryGetDecimal(out var l) && right.TryGetDecimal(out var r) ? l == r : left.GetDouble() == right.GetDouble();
            case global::System.Text.Json.JsonValueKind.String when right.ValueKind == global::System.Text.Json.JsonValueKind.String:
                return left.GetString() == right.GetString();
            case global::System.Text.Json.JsonValueKind.Array when right.ValueKind == global::System.Text.Json.JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                using (var leftItems = left.EnumerateArray())
                using (var rightItems = right.EnumerateArray())
                {
                    while (leftItems.MoveNext() && rightItems.MoveNext())
                    {
                        if (!JsonEquals(leftItems.Current, rightItems.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case global::System.Text.Json.JsonValueKind.Object when right.ValueKind == global::System.Text.Json.JsonValueKind.Object:
                var count = 0;
                foreach (var property in left.EnumerateObject())
                {
                    count++;
                    if (!right.TryGetProperty(property.Name, out var other) || !JsonEquals(property.Value, other))
                    {
                        return false;
                    }
                }

                foreach (var _ in right.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return left.ValueKind == right.ValueKind;
        }
    }

    /// <summary>The length of the string at <paramref name="reader"/> in Unicode code points (as JSON Schema counts).</summary>
    public static long CodePointLength(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            // UTF-8: every code point has exactly one byte that is not a continuation byte (10xxxxxx).
            var length = 0L;
            foreach (var b in reader.ValueSpan)
            {
                if ((b & 0xC0) != 0x80)
                {
                    length++;
                }
            }

            return length;
        }

        var text = reader.GetString() ?? string.Empty;
        var codePoints = 0L;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
            {
                codePoints++;
            }
        }

        return codePoints;
    }

    /// <summary>
    /// As <see cref="CompareNumber(ref global::System.Text.Json.Utf8JsonReader, decimal?, double)"/> for a whole
    /// <paramref name="limit"/>: a number written as a whole one within 64 bits (nearly every number in documents) is
    /// compared as an integer, without the decimal parse.
    /// </summary>
    public static int CompareNumber(ref global::System.Text.Json.Utf8JsonReader reader, long limit)
        => reader.TryGetInt64(out var whole) ? whole.CompareTo(limit) : CompareNumber(ref reader, limit, limit);

    /// <summary>Compares the number at <paramref name="reader"/> with a schema limit: exactly in decimal when both fit, else in double.</summary>
    public static int CompareNumber(ref global::System.Text.Json.Utf8JsonReader reader, decimal? limit, double approximateLimit)
        => limit is { } exact && reader.TryGetDecimal(out var value)
            ? value.CompareTo(exact)
            : reader.GetDouble().CompareTo(approximateLimit);

    /// <summary>Whether the number at <paramref name="reader"/> is a whole multiple of <paramref name="divisor"/>.</summary>
    public static bool IsMultipleOf(ref global::System.Text.Json.Utf8JsonReader reader, decimal? divisor, double approximateDivisor)
    {
        // Decimal rounds a number below 1e-28 to 0: such a divisor or number is not exact in decimal, double decides.
        if (divisor is { } exact && exact != 0m && reader.TryGetDecimal(out var value) && (value != 0m || reader.GetDouble() == 0d))
        {
            try
            {
                return value % exact == 0m;
            }
            catch (global::System.OverflowException)
            {
                // falls through to double arithmetic
            }
        }

        var quotient = reader.GetDouble() / approximateDivisor;
        return !double.IsInfinity(quotient) && !double.IsNaN(quotient) && global::System.Math.Floor(quotient) == quotient;
    }

    /// <summary>
    /// The opt-in <c>format</c> assertions (<c>CaseContractsAssertFormats</c>) on the string at <paramref name="reader"/>,
    /// as <see cref="Formats.IsValid(string, string)"/> decides them (the build-time checks too).
    /// </summary>
    public static bool IsFormat(string format, ref global::System.Text.Json.Utf8JsonReader reader)
        => Formats.IsValid(format, reader.GetString() ?? string.Empty);

    /// <summary>Runs a schema pattern on the string or property name at <paramref name="reader"/> (see <see cref="SchemaPattern"/>).</summary>
    public static bool Matches(SchemaPattern pattern, ref global::System.Text.Json.Utf8JsonReader reader) => pattern.Matches(ref reader);

    /// <summary>Whether a schema pattern matches <paramref name="text"/> (a property name; see <see cref="SchemaPattern"/>).</summary>
    public static bool IsMatch(SchemaPattern pattern, string text) => pattern.IsMatch(text);

    /// <summary>
    /// A reader on the property name at <paramref name="reader"/> as a JSON string value, escapes as written (a name
    /// checked by <c>propertyNames</c>): the name's quotes are on either side of its text in the one span every reader
    /// of the generated code reads, so nothing is decoded, encoded or copied.
    /// </summary>
    public static global::System.Text.Json.Utf8JsonReader NameAsValue(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        ref var text = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(reader.ValueSpan);
        var quoted = global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref global::System.Runtime.CompilerServices.Unsafe.Subtract(ref text, 1), reader.ValueSpan.Length + 2);
        var value = new global::System.Text.Json.Utf8JsonReader(quoted);
        value.Read();
        return value;
    }

    private static string Describe(ref global::System.Text.Json.Utf8JsonReader reader)
        => reader.TokenType switch
        {
            global::System.Text.Json.JsonTokenType.String => "the string \"" + Truncate(reader.GetString()) + "\"",
            global::System.Text.Json.JsonTokenType.Number => "the number " + global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
            global::System.Text.Json.JsonTokenType.StartObject => "an object",
            global::System.Text.Json.JsonTokenType.StartArray => "an array",
            global::System.Text.Json.JsonTokenType.True => "true",
            global::System.Text.Json.JsonTokenType.False => "false",
            global::System.Text.Json.JsonTokenType.Null => "null",
            _ => reader.TokenType.ToString(),
        };

    /// <summary>Text for a message: at most 64 characters, then "…" (never cut inside a surrogate pair).</summary>
    internal static string Truncate(string? text)
        => text is null ? string.Empty : text.Length <= MessageValueLength ? text : text.Substring(0, char.IsHighSurrogate(text[MessageValueLength - 1]) ? MessageValueLength - 1 : MessageValueLength) + "…";

    // The most characters of a value an error shows.
    private const int MessageValueLength = 64;
}

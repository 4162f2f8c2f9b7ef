// Emitted by ValidationRuntimeEmitter into each contract's namespace, with ValidationRuntime.cs (same file); the
// namespace below is only where the repository compiles it. Written as generated code is: global::-qualified names.

namespace CaseContracts.Runtime;

/// <summary>
/// The members of one object of an indexed document (<see cref="SkipIndex"/>), read once: each name and where its
/// value starts, in document order (a name written twice is there twice). A schema applied in place beside others
/// (an <c>allOf</c> member, an <c>if</c>, its <c>then</c>…) that only looks at members by name finds them here instead of
/// reading the object again: popular schemas test one member in each of a dozen conditions.
/// </summary>
internal sealed class MemberTable
{
    private readonly SkipIndex _index;
    private (int NameAt, int NameLength, byte[]? Unescaped, int ValueAt)[] _members;

    // The reader's state after any of the object's names: the same for all of them but for the line and column (which
    // only error messages of malformed text show, and the object was read whole before any lookup).
    private global::System.Text.Json.JsonReaderState _afterName;
    private int _endAt;
    private global::System.Text.Json.JsonReaderState _endState;

    // Longer member arrays are let go when the index is disposed (see SkipIndex.Dispose).
    private const int MaxKeptMembers = 64;

    internal MemberTable(SkipIndex index)
    {
        _index = index;
        _members = global::System.Array.Empty<(int, int, byte[]?, int)>();
    }

    /// <summary>Empties the table for the index's next document (its member array kept when short).</summary>
    internal void Clear()
    {
        if (_members.Length > MaxKeptMembers)
        {
            _members = global::System.Array.Empty<(int, int, byte[]?, int)>();
        }
        else if (Count > 0)
        {
            // The unescaped names are dropped so that no earlier document's text stays reachable.
            global::System.Array.Clear(_members, 0, Count);
        }

        Count = 0;
        _recordedAt = -1;
    }

    /// <summary>How many members the object has (names written twice counted twice).</summary>
    public int Count { get; private set; }

    /// <summary>The name of member <paramref name="member"/>, unescaped (as <c>JsonSupport.PropertyName</c> gives it).</summary>
    public global::System.ReadOnlySpan<byte> Name(int member)
    {
        ref readonly var entry = ref _members[member];
        return entry.Unescaped ?? _index.Document.Slice(entry.NameAt, entry.NameLength);
    }

    /// <summary>
    /// A reader on the name of member <paramref name="member"/> as a JSON string value, escapes as written (a name
    /// checked by <c>propertyNames</c>; see <c>JsonSupport.NameAsValue</c>).
    /// </summary>
    public global::System.Text.Json.Utf8JsonReader NameAsValue(int member)
    {
        ref readonly var entry = ref _members[member];
        var reader = new global::System.Text.Json.Utf8JsonReader(_index.Document.Slice(entry.NameAt - 1, entry.NameLength + 2));
        reader.Read();
        return reader;
    }

    /// <summary>A reader on the first token of member <paramref name="member"/>'s value.</summary>
    public global::System.Text.Json.Utf8JsonReader Value(int member)
    {
        ref readonly var entry = ref _members[member];
        var reader = new global::System.Text.Json.Utf8JsonReader(_index.Document.Slice(entry.ValueAt), isFinalBlock: true, _afterName);
        global::CaseContracts.Internal.JsonSupport.Next(ref reader);
        return reader;
    }

    /// <summary>Moves <paramref name="reader"/>, on the object's start, to its last token, as reading the object would.</summary>
    public void StepOver(ref global::System.Text.Json.Utf8JsonReader reader)
        => reader = new global::System.Text.Json.Utf8JsonReader(_index.Document.Slice(_endAt), isFinalBlock: true, _endState);

    /// <summary>Reads the members of the object at <paramref name="start"/> (a reader on its first token, in the index's copy).</summary>
    internal static MemberTable Read(SkipIndex index, global::System.Text.Json.Utf8JsonReader start)
    {
        var table = index.NewTable();
        var reader = start;
        while (true)
        {
            global::CaseContracts.Internal.JsonSupport.Next(ref reader);
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)
            {
                break;
            }

            table.Add(ref reader);
            index.Skip(ref reader);
        }

        table.End(ref reader);
        return table;
    }

    /// <summary>An empty table for an object that a validator's own member loop is reading (see <see cref="SkipIndex.Record"/>).</summary>
    internal static MemberTable Recording(SkipIndex index, int start)
    {
        var table = index.NewTable();
        table._recordedAt = start;
        return table;
    }

    // Where the object a validator's own loop is recording starts (-1 for a table read by Read).
    private int _recordedAt = -1;

    /// <summary>Adds the member whose name <paramref name="name"/> (in the index's copy) is on.</summary>
    public void Add(ref global::System.Text.Json.Utf8JsonReader name)
    {
        // The reader may have been made on a later part of the copy (a jump): where its buffer starts is found from
        // the name's text, which is in the copy, and the token's index in that buffer (its opening quote).
        var nameAt = _index.OffsetOf(name.ValueSpan);
        var bufferStart = nameAt - 1 - (int)name.TokenStartIndex;
        var unescaped = name.ValueIsEscaped ? global::CaseContracts.Internal.JsonSupport.PropertyName(ref name).ToArray() : null;
        if (Count == 0)
        {
            _afterName = name.CurrentState;
        }

        Append((nameAt, name.ValueSpan.Length, unescaped, bufferStart + (int)name.BytesConsumed));
    }

    /// <summary>Completes the table: <paramref name="end"/> is on the object's last token.</summary>
    public void End(ref global::System.Text.Json.Utf8JsonReader end)
    {
        _endAt = _index.OffsetOf(end.ValueSpan) + 1;
        _endState = end.CurrentState;
        if (_recordedAt >= 0)
        {
            _index.Keep(_recordedAt, this);
        }
    }

    private void Append((int, int, byte[]?, int) member)
    {
        if (Count == _members.Length)
        {
            global::System.Array.Resize(ref _members, global::System.Math.Max(8, Count * 2));
        }

        _members[Count++] = member;
    }
}

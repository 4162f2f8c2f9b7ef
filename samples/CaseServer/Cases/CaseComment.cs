using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CaseServer.Contract;

namespace CaseServer.Cases;

/// <summary>
/// A comment on a case, as Kibana 7.11 answers it (<c>id</c>, <c>version</c>, <c>comment</c>, <c>type</c>,
/// <c>created_at</c>, <c>created_by</c>, <c>pushed_at</c>, <c>pushed_by</c>, <c>updated_at</c>, <c>updated_by</c>).
/// Only the <c>user</c> comment type is modelled (Kibana 7.11's <c>alert</c> comments are not served).
/// Hand-written until the comment schema joins <c>schema/</c>; its JSON is written and read here, key by key.
/// </summary>
public sealed record CaseComment
{
    /// <summary>Kibana's only comment type modelled here.</summary>
    public const string UserType = "user";

    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The comment's id (a UUID).</summary>
    public required string Id { get; init; }

    /// <summary>The comment's version (<see cref="CaseVersion"/>), passed back when updating it.</summary>
    public required string Version { get; init; }

    /// <summary>The comment's text.</summary>
    public required string Comment { get; init; }

    /// <summary>The comment's type (<see cref="UserType"/>); it can never change.</summary>
    public required string Type { get; init; }

    /// <summary>When the comment was added (ISO-8601 UTC with milliseconds).</summary>
    public required string CreatedAt { get; init; }

    /// <summary>Who added it.</summary>
    public required User CreatedBy { get; init; }

    /// <summary>When it was last pushed to an external system; null (pushing is not served).</summary>
    public string? PushedAt { get; init; }

    /// <summary>Who last pushed it; null (pushing is not served).</summary>
    public User? PushedBy { get; init; }

    /// <summary>When it was last edited; null until then.</summary>
    public string? UpdatedAt { get; init; }

    /// <summary>Who last edited it; null until then.</summary>
    public User? UpdatedBy { get; init; }

    /// <summary>Writes the comment as Kibana's JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("id"u8, Id);
        writer.WriteString("version"u8, Version);
        writer.WriteString("comment"u8, Comment);
        writer.WriteString("type"u8, Type);
        writer.WriteString("created_at"u8, CreatedAt);
        writer.WritePropertyName("created_by"u8);
        CreatedBy.WriteTo(writer);
        WriteNullable(writer, "pushed_at"u8, PushedAt);
        WriteUser(writer, "pushed_by"u8, PushedBy);
        WriteNullable(writer, "updated_at"u8, UpdatedAt);
        WriteUser(writer, "updated_by"u8, UpdatedBy);
        writer.WriteEndObject();
    }

    /// <summary>The comment's JSON text.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The comment as a JSON element, for <see cref="Case.Comments"/>.</summary>
    public JsonElement ToJsonElement()
    {
        using var document = JsonDocument.Parse(ToJson());
        return document.RootElement.Clone();
    }

    /// <summary>Reads a comment the store wrote with <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a stored comment.</exception>
    public static CaseComment Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new CaseComment
        {
            Id = root.GetProperty("id").GetString()!,
            Version = root.GetProperty("version").GetString()!,
            Comment = root.GetProperty("comment").GetString()!,
            Type = root.GetProperty("type").GetString()!,
            CreatedAt = root.GetProperty("created_at").GetString()!,
            CreatedBy = User.Parse(root.GetProperty("created_by").GetRawText()),
            PushedAt = root.GetProperty("pushed_at").GetString(),
            PushedBy = ReadUser(root.GetProperty("pushed_by")),
            UpdatedAt = root.GetProperty("updated_at").GetString(),
            UpdatedBy = ReadUser(root.GetProperty("updated_by")),
        };
    }

    private static User? ReadUser(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : User.Parse(element.GetRawText());

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteUser(Utf8JsonWriter writer, ReadOnlySpan<byte> name, User? user)
    {
        writer.WritePropertyName(name);
        if (user is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            user.WriteTo(writer);
        }
    }
}

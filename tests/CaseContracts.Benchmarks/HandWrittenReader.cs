using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CaseContracts.Benchmarks.Contract;

namespace CaseContracts.Benchmarks;

/// <summary>
/// The yardstick of issue 3: what a careful developer would write by hand for the Create-case contract, one
/// <see cref="Utf8JsonReader"/> pass that binds and validates together. It checks exactly the schema's rules,
/// reports the same errors (paths, keywords, values, messages) and builds the same generated records, so the
/// generated <c>TryParse</c> can be compared with it in the same run. What makes it fast: property names are
/// matched as UTF-8 spans, error paths are constants written in place, strings are materialised once (ASCII text
/// without escapes by a widening copy), the error list is sized for a typically bad request, the tags
/// land in an exactly sized array, the offending value is read without copying the reader, and the connector is
/// read in one pass whatever the order of its members (its <c>fields</c> are read where they stand once <c>type</c>
/// is known, else revisited with a reader copy when <c>type</c> is read).
/// </summary>
/// <remarks>
/// Differences on inputs the benchmark does not use only: an unknown connector member before <c>type</c> is
/// reported where it stands (the generated reader reports it when <c>type</c> is read, with the fields), and of
/// fields repeated before <c>type</c> only the last is read. <see cref="EnsureAgreesWithGenerated"/> checks every
/// benchmark input.
/// </remarks>
internal static class HandWrittenReader
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, MaxDepth = 64 };

    [ThreadStatic]
    private static string[]? t_tagScratch;

    /// <summary>Reads and validates a Create-case request body.</summary>
    public static ParseResult<CreateCaseRequest> TryParse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        List<ValidationError>? errors = null;
        CreateCaseRequest? value;
        try
        {
            Next(ref reader);
            value = ReadRequest(ref reader, ref errors);
            if (reader.Read())
            {
                return ParseResult<CreateCaseRequest>.Malformed("Unexpected content after the JSON value.");
            }
        }
        catch (JsonException e)
        {
            return ParseResult<CreateCaseRequest>.Malformed(e.Message);
        }
        catch (InvalidOperationException)
        {
            return ParseResult<CreateCaseRequest>.Invalid([new ValidationError("", "type", null, InvalidUnicode)]);
        }

        return errors is not null ? ParseResult<CreateCaseRequest>.Invalid(errors) : ParseResult<CreateCaseRequest>.Valid(value!);
    }

    /// <summary>Throws unless this reader and the generated one give the same result for <paramref name="body"/>.</summary>
    public static void EnsureAgreesWithGenerated(byte[] body)
    {
        var ours = TryParse(body);
        var generated = CreateCaseRequest.TryParse(body);
        var same = Equals(ours.Value, generated.Value)
            && ours.MalformedMessage == generated.MalformedMessage
            && ours.Errors.Count == generated.Errors.Count;
        for (var i = 0; same && i < ours.Errors.Count; i++)
        {
            same = ours.Errors[i] == generated.Errors[i];
        }

        if (!same)
        {
            throw new InvalidOperationException("The hand-written reader disagrees with the generated one on " + Encoding.UTF8.GetString(body)
                + ": " + string.Join("; ", ours.Errors) + " vs " + string.Join("; ", generated.Errors));
        }
    }

    private const string InvalidUnicode = "The JSON text contains a string that is not valid Unicode (invalid UTF-8, or an unpaired surrogate escape such as \\ud800).";

    private static CreateCaseRequest? ReadRequest(ref Utf8JsonReader reader, ref List<ValidationError>? errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            TypeError(ref reader, ref errors, "", "must be object");
            return null;
        }

        var errorsBefore = errors?.Count ?? 0;
        string? title = null, description = null;
        string[]? tags = null;
        Connector? connector = null;
        Settings? settings = null;
        bool hasTitle = false, hasDescription = false, hasTags = false, hasConnector = false, hasSettings = false;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref reader);
            if (name.SequenceEqual("title"u8))
            {
                hasTitle = true;
                Next(ref reader);
                title = ReadString(ref reader, ref errors, "/title");
            }
            else if (name.SequenceEqual("description"u8))
            {
                hasDescription = true;
                Next(ref reader);
                description = ReadString(ref reader, ref errors, "/description");
            }
            else if (name.SequenceEqual("tags"u8))
            {
                hasTags = true;
                Next(ref reader);
                tags = ReadTags(ref reader, ref errors);
            }
            else if (name.SequenceEqual("connector"u8))
            {
                hasConnector = true;
                Next(ref reader);
                connector = ReadConnector(ref reader, ref errors);
            }
            else if (name.SequenceEqual("settings"u8))
            {
                hasSettings = true;
                Next(ref reader);
                settings = ReadSettings(ref reader, ref errors);
            }
            else
            {
                UnknownMember(ref reader, ref errors, "");
            }
        }

        if (!hasTitle) Missing(ref errors, "/title");
        if (!hasDescription) Missing(ref errors, "/description");
        if (!hasTags) Missing(ref errors, "/tags");
        if (!hasConnector) Missing(ref errors, "/connector");
        if (!hasSettings) Missing(ref errors, "/settings");
        if ((errors?.Count ?? 0) != errorsBefore)
        {
            return null;
        }

        return new CreateCaseRequest { Title = title!, Description = description!, Tags = tags!, Connector = connector!, Settings = settings! };
    }

    private static string[]? ReadTags(ref Utf8JsonReader reader, ref List<ValidationError>? errors)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            TypeError(ref reader, ref errors, "/tags", "must be array");
            return null;
        }

        // Elements gather in a per-thread scratch array, then move to an exactly sized one: no growth copies.
        var scratch = t_tagScratch ??= new string[16];
        var count = 0;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                TypeError(ref reader, ref errors, "/tags/" + count, "must be string");
            }
            else
            {
                if (count == scratch.Length)
                {
                    Array.Resize(ref scratch, scratch.Length * 2);
                    t_tagScratch = scratch;
                }

                scratch[count] = GetString(ref reader);
            }

            count++;
        }

        if (count == 0)
        {
            return [];
        }

        var tags = scratch.AsSpan(0, count).ToArray();
        scratch.AsSpan(0, count).Clear();
        return tags;
    }

    private static Connector? ReadConnector(ref Utf8JsonReader reader, ref List<ValidationError>? errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            AddError(ref errors, new ValidationError("/connector", "oneOf", ValueText(ref reader), "matches none of the schemas in oneOf"));
            reader.Skip();
            return null;
        }

        var errorsBefore = errors?.Count ?? 0;
        string? id = null, name = null;
        ConnectorKind kind = ConnectorKind.NotRead;
        string? typeText = null;
        object? fields = null;
        Utf8JsonReader fieldsAhead = default;
        bool hasId = false, hasName = false, hasFields = false, fieldsDeferred = false;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var member = Name(ref reader);
            if (member.SequenceEqual("id"u8))
            {
                hasId = true;
                Next(ref reader);
                id = ReadString(ref reader, ref errors, "/connector/id");
            }
            else if (member.SequenceEqual("name"u8))
            {
                hasName = true;
                Next(ref reader);
                name = ReadString(ref reader, ref errors, "/connector/name");
            }
            else if (member.SequenceEqual("type"u8))
            {
                Next(ref reader);
                var named = reader.TokenType != JsonTokenType.String ? ConnectorKind.Unknown
                    : reader.ValueTextEquals(".jira"u8) ? ConnectorKind.Jira
                    : reader.ValueTextEquals(".servicenow"u8) ? ConnectorKind.ServiceNow
                    : reader.ValueTextEquals(".resilient"u8) ? ConnectorKind.Resilient
                    : reader.ValueTextEquals(".none"u8) ? ConnectorKind.None
                    : ConnectorKind.Unknown;
                if (kind == ConnectorKind.NotRead)
                {
                    // The first "type" names the variant (a repeated one must then equal it); fields read before it are read now.
                    kind = named;
                    typeText = named == ConnectorKind.Unknown ? ValueText(ref reader) : null;
                    if (fieldsDeferred && kind != ConnectorKind.Unknown)
                    {
                        fields = ReadFields(ref fieldsAhead, ref errors, kind);
                    }
                }
                else if (named != kind && kind != ConnectorKind.Unknown)
                {
                    AddError(ref errors, new ValidationError("/connector/type", "const", ValueText(ref reader), "must be \"" + TypeName(kind) + "\""));
                }

                reader.Skip();
            }
            else if (member.SequenceEqual("fields"u8))
            {
                hasFields = true;
                Next(ref reader);
                if (kind == ConnectorKind.NotRead)
                {
                    // The variant is not known yet: come back to the fields once it is.
                    fieldsAhead = reader;
                    fieldsDeferred = true;
                    reader.Skip();
                }
                else if (kind != ConnectorKind.Unknown)
                {
                    fields = ReadFields(ref reader, ref errors, kind);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                UnknownMember(ref reader, ref errors, "/connector");
            }
        }

        if (kind is ConnectorKind.NotRead or ConnectorKind.Unknown)
        {
            // No variant: the discriminator is the one error, as in the union's validator.
            errors?.RemoveRange(errorsBefore, errors.Count - errorsBefore);
            AddError(ref errors, kind == ConnectorKind.NotRead
                ? new ValidationError("/connector/type", "required", null, "is required")
                : new ValidationError("/connector/type", "oneOf", typeText, "must be one of \".jira\", \".servicenow\", \".resilient\", \".none\""));
            return null;
        }

        if (!hasId) Missing(ref errors, "/connector/id");
        if (!hasName) Missing(ref errors, "/connector/name");
        if (!hasFields) Missing(ref errors, "/connector/fields");
        if ((errors?.Count ?? 0) != errorsBefore)
        {
            return null;
        }

        return kind switch
        {
            ConnectorKind.Jira => new Connector.Jira { Id = id!, Name = name!, Fields = (JiraFields?)fields },
            ConnectorKind.ServiceNow => new Connector.ServiceNow { Id = id!, Name = name!, Fields = (ServiceNowFields?)fields },
            ConnectorKind.Resilient => new Connector.Resilient { Id = id!, Name = name!, Fields = (ResilientFields?)fields },
            _ => new Connector.None { Id = id!, Name = name! },
        };
    }

    private static object? ReadFields(ref Utf8JsonReader reader, ref List<ValidationError>? errors, ConnectorKind kind)
    {
        if (kind == ConnectorKind.None)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                TypeError(ref reader, ref errors, "/connector/fields", "must be null");
            }

            return null;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            TypeError(ref reader, ref errors, "/connector/fields", "must be object or null");
            return null;
        }

        return kind switch
        {
            ConnectorKind.Jira => ReadJiraFields(ref reader, ref errors),
            ConnectorKind.ServiceNow => ReadServiceNowFields(ref reader, ref errors),
            _ => ReadResilientFields(ref reader, ref errors),
        };
    }

    private static JiraFields? ReadJiraFields(ref Utf8JsonReader reader, ref List<ValidationError>? errors)
    {
        var errorsBefore = errors?.Count ?? 0;
        string? issueType = null, priority = null, parent = null;
        var hasIssueType = false;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref reader);
            if (name.SequenceEqual("issueType"u8))
            {
                hasIssueType = true;
                Next(ref reader);
                issueType = ReadString(ref reader, ref errors, "/connector/fields/issueType");
            }
            else if (name.SequenceEqual("priority"u8))
            {
                Next(ref reader);
                priority = ReadNullableString(ref reader, ref errors, "/connector/fields/priority");
            }
            else if (name.SequenceEqual("parent"u8))
            {
                Next(ref reader);
                parent = ReadNullableString(ref reader, ref errors, "/connector/fields/parent");
            }
            else
            {
                UnknownMember(ref reader, ref errors, "/connector/fields");
            }
        }

        if (!hasIssueType) Missing(ref errors, "/connector/fields/issueType");
        return (errors?.Count ?? 0) != errorsBefore ? null : new JiraFields { IssueType = issueType!, Priority = priority, Parent = parent };
    }

    private static ServiceNowFields? ReadServiceNowFields(ref Utf8JsonReader reader, ref List<ValidationError>? errors)
    {
        var errorsBefore = errors?.Count ?? 0;
        string? urgency = null, severity = null, impact = null;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref reader);
            if (name.SequenceEqual("urgency"u8))
            {
                Next(ref reader);
                urgency = ReadNullableString(ref reader, ref errors, "/connector/fields/urgency");
            }
            else if (name.SequenceEqual("severity"u8))
            {
                Next(ref reader);
                severity = ReadNullableString(ref reader, ref errors, "/connector/fields/severity");
            }
            else if (name.SequenceEqual("impact"u8))
            {
                Next(ref reader);
                impact = ReadNullableString(ref reader, ref errors, "/connector/fields/impact");
            }
            else
            {
                UnknownMember(ref reader, ref errors, "/connector/fields");
            }
        }

        return (errors?.Count ?? 0) != errorsBefore ? null : new ServiceNowFields { Urgency = urgency, Severity = severity, Impact = impact };
    }

    private static ResilientFields? ReadResilientFields(ref Utf8JsonReader reader, ref List<ValidationError>? errors)
    {
        var errorsBefore = errors?.Count ?? 0;
        List<double>? issueTypes = null;
        double severityCode = 0;
        bool hasIssueTypes = false, hasSeverityCode = false;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref reader);
            if (name.SequenceEqual("issueTypes"u8))
            {
                hasIssueTypes = true;
                Next(ref reader);
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    TypeError(ref reader, ref errors, "/connector/fields/issueTypes", "must be array");
                    continue;
                }

                issueTypes = new List<double>();
                var index = 0;
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        break;
                    }

                    if (TryReadNumber(ref reader, ref errors, "/connector/fields/issueTypes/" + index, out var number))
                    {
                        issueTypes.Add(number);
                    }

                    index++;
                }
            }
            else if (name.SequenceEqual("severityCode"u8))
            {
                hasSeverityCode = true;
                Next(ref reader);
                TryReadNumber(ref reader, ref errors, "/connector/fields/severityCode", out severityCode);
            }
            else
            {
                UnknownMember(ref reader, ref errors, "/connector/fields");
            }
        }

        if (!hasIssueTypes) Missing(ref errors, "/connector/fields/issueTypes");
        if (!hasSeverityCode) Missing(ref errors, "/connector/fields/severityCode");
        return (errors?.Count ?? 0) != errorsBefore ? null : new ResilientFields { IssueTypes = issueTypes!, SeverityCode = severityCode };
    }

    private static Settings? ReadSettings(ref Utf8JsonReader reader, ref List<ValidationError>? errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            TypeError(ref reader, ref errors, "/settings", "must be object");
            return null;
        }

        var errorsBefore = errors?.Count ?? 0;
        var syncAlerts = false;
        var hasSyncAlerts = false;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (Name(ref reader).SequenceEqual("syncAlerts"u8))
            {
                hasSyncAlerts = true;
                Next(ref reader);
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    syncAlerts = reader.TokenType == JsonTokenType.True;
                }
                else
                {
                    TypeError(ref reader, ref errors, "/settings/syncAlerts", "must be boolean");
                }
            }
            else
            {
                UnknownMember(ref reader, ref errors, "/settings");
            }
        }

        if (!hasSyncAlerts) Missing(ref errors, "/settings/syncAlerts");
        return (errors?.Count ?? 0) != errorsBefore ? null : new Settings { SyncAlerts = syncAlerts };
    }

    private static string? ReadString(ref Utf8JsonReader reader, ref List<ValidationError>? errors, string path)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return GetString(ref reader);
        }

        TypeError(ref reader, ref errors, path, "must be string");
        return null;
    }

    private static string? ReadNullableString(ref Utf8JsonReader reader, ref List<ValidationError>? errors, string path)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return GetString(ref reader);
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            TypeError(ref reader, ref errors, path, "must be string or null");
        }

        return null;
    }

    private static bool TryReadNumber(ref Utf8JsonReader reader, ref List<ValidationError>? errors, string path, out double number)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            TypeError(ref reader, ref errors, path, "must be number");
            number = 0;
            return false;
        }

        if (reader.TryGetDouble(out number) && !double.IsInfinity(number))
        {
            return true;
        }

        AddError(ref errors, new ValidationError(path, "type", ValueText(ref reader), "is outside the range of a double"));
        return false;
    }

    // A string value: ASCII text without escapes (most of it) takes one check and a widening copy, much cheaper than
    // the reader's validating UTF-8 transcoding, which stays for everything else (with its errors).
    private static string GetString(ref Utf8JsonReader reader)
        => !reader.ValueIsEscaped && !reader.HasValueSequence && Ascii.IsValid(reader.ValueSpan)
            ? Encoding.Latin1.GetString(reader.ValueSpan)
            : reader.GetString()!;

    // A property name as UTF-8 bytes: the input itself unless the name has escapes (rare: then unescaped once).
    private static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader)
        => reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of JSON data.");
        }
    }

    private static void TypeError(ref Utf8JsonReader reader, ref List<ValidationError>? errors, string path, string message)
    {
        AddError(ref errors, new ValidationError(path, "type", ValueText(ref reader), message));
        reader.Skip();
    }

    private static void UnknownMember(ref Utf8JsonReader reader, ref List<ValidationError>? errors, string objectPath)
    {
        var name = reader.GetString()!;
        Next(ref reader);
        AddError(ref errors, new ValidationError(objectPath + "/" + EscapePointer(name), "additionalProperties", ValueText(ref reader), "is not an allowed property"));
        reader.Skip();
    }

    private static void Missing(ref List<ValidationError>? errors, string path)
        => AddError(ref errors, new ValidationError(path, "required", null, "is required"));

    // Room for the errors of a typically bad request at once (a list growing from 4 copies itself twice by 11 errors).
    private static void AddError(ref List<ValidationError>? errors, ValidationError error)
        => (errors ??= new List<ValidationError>(16)).Add(error);

    private static string EscapePointer(string name)
        => name.Contains('~') || name.Contains('/') ? name.Replace("~", "~0").Replace("/", "~1") : name;

    // The offending value as JSON text (strings unquoted), at most 64 characters: what the error shows. By reference:
    // the reader is a 192-byte struct, copied only to read a structure (which moves the copy).
    private static string ValueText(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => GetString(ref reader),
            JsonTokenType.StartObject or JsonTokenType.StartArray => RawText(ref reader),
            _ => Encoding.UTF8.GetString(reader.ValueSpan),
        };
        return text.Length <= 64 ? text : text.Substring(0, 64) + "…";
    }

    // Apart, so that no caller's frame holds (and zeroes) a copy of the reader.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string RawText(ref Utf8JsonReader reader)
    {
        var copy = reader;
        return JsonElement.ParseValue(ref copy).GetRawText();
    }

    private static string TypeName(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Jira => ".jira",
        ConnectorKind.ServiceNow => ".servicenow",
        ConnectorKind.Resilient => ".resilient",
        _ => ".none",
    };

    private enum ConnectorKind
    {
        NotRead,
        Unknown,
        Jira,
        ServiceNow,
        Resilient,
        None,
    }
}

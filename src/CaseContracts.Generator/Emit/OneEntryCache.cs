using System;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// The last value computed by a pure function of a string (a runtime file emitted into a contract namespace): a
/// project has one namespace, so the thousands of lines are built once per generator load rather than once per run,
/// and a changed namespace replaces the entry instead of growing a table in a long-lived compiler process.
/// </summary>
internal sealed class OneEntryCache(Func<string, string> compute)
{
    private Entry? _last;

    public string Get(string key)
    {
        // One reference read and one write: threads racing on a miss each compute the same text, and either entry stands.
        if (_last is { } last && string.Equals(last.Key, key, StringComparison.Ordinal))
        {
            return last.Value;
        }

        var entry = new Entry(key, compute(key));
        _last = entry;
        return entry.Value;
    }

    private sealed record Entry(string Key, string Value);
}

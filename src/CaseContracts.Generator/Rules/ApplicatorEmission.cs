using System.Collections.Generic;
using CaseContracts.Generator.Emit;

namespace CaseContracts.Generator.Rules;

/// <summary>Where an applicator's generated check is written: the writer, the validator methods of the sub-schemas, and fields.</summary>
internal sealed class ApplicatorEmission
{
    private readonly IReadOnlyDictionary<string, string> _methods;
    private readonly List<string> _fields;
    private readonly string _method;

    public ApplicatorEmission(SourceWriter writer, string support, IReadOnlyDictionary<string, string> methods, List<string> fields, string method)
    {
        Writer = writer;
        Support = support;
        _methods = methods;
        _fields = fields;
        _method = method;
    }

    public SourceWriter Writer { get; }

    /// <summary>
    /// Set by the validator emitter on the applicator written last when nothing after it walks the value (the method's own
    /// checks, if any, look only at its first token): the rule may then leave <see cref="EndVariable"/> on the value's last
    /// token from one of its copies instead of the value being read once more to step past it, and says so with
    /// <see cref="Consumed"/>. Only when <see cref="ApplicatorRule.CanConsume"/> said it would.
    /// </summary>
    public bool MayConsume { get; set; }

    /// <summary>
    /// The reader a consuming rule moves to the value's last token: <c>reader</c> itself when the method reads nothing of
    /// the value after its applicators, else <c>valueEnd</c> (declared before the applicators; <c>reader</c> stays on the
    /// first token for the method's own checks and takes <c>valueEnd</c> after them).
    /// </summary>
    public string EndVariable { get; set; } = "reader";

    /// <summary>The rule left <see cref="EndVariable"/> on the value's last token (only when <see cref="MayConsume"/>).</summary>
    public bool Consumed { get; set; }

    /// <summary>The generated JSON runtime class.</summary>
    public string Support { get; }

    /// <summary>The validator method of the position <paramref name="schemaKey"/>.</summary>
    public string Method(string schemaKey) => _methods[schemaKey];

    /// <summary>The method gathering what the position <paramref name="schemaKey"/> evaluates (see <see cref="ApplicatorRule.EmitEvaluated"/>).</summary>
    public string Collector(string schemaKey) => CollectorOf(_methods[schemaKey]);

    /// <summary>The gathering method of the position being emitted.</summary>
    public string CollectorHere => CollectorOf(_method);

    /// <summary>The gathering method beside validator method <paramref name="method"/>.</summary>
    internal static string CollectorOf(string method) => method + "_Evaluated";

    /// <summary>
    /// Closes a rule's scan of an object's members (the block opened on the object's first token): where the rule may
    /// consume the value, it goes on from <paramref name="scan"/>, which ended on the object's last token, and steps
    /// past any other value once (an array is more than its first token).
    /// </summary>
    public void EndObjectScan(SourceWriter writer, string scan)
    {
        if (MayConsume)
        {
            writer.Line($"{EndVariable} = {scan};");
        }

        writer.Close();
        if (MayConsume)
        {
            writer.Open("else");
            writer.Line($"context.Skip(ref {EndVariable});");
            writer.Close();
            Consumed = true;
        }
    }

    /// <summary>
    /// Writes <c>if (passes) { body }</c>: whether the value at <c>reader</c> passes <paramref name="schemaKey"/>, tried on a
    /// copy with its errors counted, never made (a verdict).
    /// </summary>
    public void IfPasses(string schemaKey, string reader, string body)
        => Writer.Line($"{{ var mark = context.ErrorCount; var trial = {reader}; context.BeginVerdict(); {Method(schemaKey)}(ref trial, ref context); context.EndVerdict(); var passes = context.ErrorCount == mark; context.Truncate(mark); if (passes) {{ {body} }} }}");

    /// <summary>A static field of the validator class holding an ECMA-262 <paramref name="pattern"/>, compiled once.</summary>
    public string Regex(string pattern)
    {
        var field = RegexField(_method, pattern, _fields);
        return field;
    }

    /// <summary>A static regular expression for <paramref name="pattern"/>, declared once per validator method.</summary>
    internal static string RegexField(string method, string pattern, List<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var existing = $"s_regex_{method}_{i}";
            if (fields.Contains(EcmaPattern.Declaration(existing, pattern)))
            {
                return existing;
            }
        }

        var name = $"s_regex_{method}_{fields.Count}";
        fields.Add(EcmaPattern.Declaration(name, pattern));
        return name;
    }
}

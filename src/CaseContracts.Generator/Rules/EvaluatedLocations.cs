using System.Collections.Generic;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// The build-time twin of the runtime's <c>EvaluatedLocations</c>: the members and items of one value the keywords
/// beside <c>unevaluatedProperties</c>/<c>unevaluatedItems</c> evaluated, gathered through the schemas applied in place.
/// </summary>
internal sealed class EvaluatedLocations
{
    private readonly HashSet<string> _properties = new(System.StringComparer.Ordinal);
    private readonly HashSet<int> _items = new();
    private int _itemPrefix;

    public bool AllProperties { get; set; }

    public bool AllItems { get; set; }

    public void AddProperty(string name) => _properties.Add(name);

    public void AddItem(int index) => _items.Add(index);

    public void AddPrefix(int count) => _itemPrefix = count > _itemPrefix ? count : _itemPrefix;

    public bool HasProperty(string name) => AllProperties || _properties.Contains(name);

    public bool HasItem(int index) => AllItems || index < _itemPrefix || _items.Contains(index);
}

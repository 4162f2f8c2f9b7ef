namespace CaseContracts.Generator.Model;

/// <summary>
/// A custom meta-schema of the project (2019-09 on): its URI (its <c>$id</c>) and the vocabularies its <c>$vocabulary</c>
/// lists. A schema whose <c>$schema</c> names it is held to those vocabularies only (<see cref="Pipeline.Vocabularies"/>).
/// </summary>
internal sealed record DialectVocabularies(string Uri, EquatableArray<string> Vocabularies);

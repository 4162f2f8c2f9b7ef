namespace CaseServer.Cases.Storage;

/// <summary>
/// One step of a store's schema, applied once, in order, at start-up, and recorded in the
/// <c>schema_migrations</c> table (the same table in both stores): <see cref="Version"/> counts from 1.
/// </summary>
/// <param name="Version">The schema version this step leads to.</param>
/// <param name="Description">What it does, recorded with it.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
public sealed record Migration(int Version, string Description, string Sql);

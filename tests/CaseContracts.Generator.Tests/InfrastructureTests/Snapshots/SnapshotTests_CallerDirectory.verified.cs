// Snapshot beside SnapshotTests.cs
namespace Example;

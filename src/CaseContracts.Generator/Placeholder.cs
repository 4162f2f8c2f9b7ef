namespace CaseContracts.Generator { internal static class Placeholder { } }

// [ThreadStatic] fields are named t_, which .editorconfig's naming rules cannot tell from other private static
// fields (s_): each is named here, so any other field still has to follow the rule.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "[ThreadStatic]: t_", Scope = "member", Target = "~F:CaseContracts.Generator.Analyzers.Evaluation.ValidationProgram.t_nesting")]
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "[ThreadStatic]: t_", Scope = "member", Target = "~F:CaseContracts.Generator.Analyzers.Evaluation.ValidationProgram.t_scope")]

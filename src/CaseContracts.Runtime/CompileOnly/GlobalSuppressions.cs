// [ThreadStatic] fields are named t_ (the runtime's convention), which .editorconfig's naming rules cannot tell from
// other private static fields (s_): each is named here, so any other field still has to follow the rule.
[assembly: global::System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "[ThreadStatic]: t_", Scope = "member", Target = "~F:CaseContracts.Internal.JsonSupport.ArrayBuilder`1.t_scratch")]
[assembly: global::System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "[ThreadStatic]: t_", Scope = "member", Target = "~F:CaseContracts.Runtime.SkipIndex.t_spare")]
[assembly: global::System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "[ThreadStatic]: t_", Scope = "member", Target = "~F:CaseContracts.Runtime.ContractEndpoints.t_buffer")]
[assembly: global::System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "[ThreadStatic]: t_", Scope = "member", Target = "~F:CaseContracts.Runtime.ContractEndpoints.t_writer")]

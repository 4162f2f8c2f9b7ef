namespace CaseContracts;

/// <summary>
/// Stands for the generator's <c>[global::System.CodeDom.Compiler.GeneratedCode("CaseContracts.Generator", version)]</c>
/// while the repository compiles the runtime files: the emitters write that attribute where these files say
/// <c>[GeneratedCode]</c>. Found from <c>CaseContracts.Internal</c> and <c>CaseContracts.Runtime</c> alike (an
/// enclosing namespace); never emitted.
/// </summary>
[global::System.AttributeUsage(global::System.AttributeTargets.All)]
internal sealed class GeneratedCodeAttribute : global::System.Attribute
{
}

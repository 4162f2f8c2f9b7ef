using System.Collections.Generic;

namespace CaseServer.Cases;

/// <summary>
/// Kibana 7.11's messages for the store's expected outcomes, word for word (stray characters included: they
/// are Kibana's), in one place so that the HTTP handlers answer exactly what Kibana answers.
/// </summary>
public static class CaseStoreMessages
{
    /// <summary>404 for an unknown case: <c>Saved object [cases/&lt;id&gt;] not found</c>.</summary>
    public static string CaseNotFound(string id) => $"Saved object [cases/{id}] not found";

    /// <summary>404 for an unknown comment: <c>Saved object [cases-comments/&lt;id&gt;] not found</c>.</summary>
    public static string CommentNotFound(string id) => $"Saved object [cases-comments/{id}] not found";

    /// <summary>404 for a comment reached through another case (the stray <c>)</c> is Kibana's).</summary>
    public static string CommentNotInCase(string commentId, string caseId) => $"This comment {commentId} does not exist in {caseId}).";

    /// <summary>404 of a bulk update naming unknown cases.</summary>
    public static string CasesDoNotExist(IEnumerable<string> ids) => $"These cases {string.Join(", ", ids)} do not exist. Please check you have the correct ids.";

    /// <summary>409 of a bulk update with stale versions (Kibana's grammar).</summary>
    public static string CasesConflict(IEnumerable<string> ids) => $"These cases {string.Join(", ", ids)} has been updated. Please refresh before saving additional updates.";

    /// <summary>406 of a bulk update that changes nothing.</summary>
    public const string AllFieldsIdentical = "All update fields are identical to current version.";

    /// <summary>409 of a comment update with a stale version.</summary>
    public const string CommentConflict = "This case has been updated. Please refresh before saving additional updates.";

    /// <summary>400 of a comment update changing the comment's type.</summary>
    public const string CommentTypeChanged = "You cannot change the type of the comment.";
}

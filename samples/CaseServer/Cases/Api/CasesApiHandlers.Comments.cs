using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

public sealed partial class CasesApiHandlers
{
    /// <summary><c>POST /api/cases/{case_id}/comments</c>: adds a <c>user</c> comment; the whole case with every comment.</summary>
    public async ValueTask<AddCommentResult> AddCommentAsync(AddCommentParameters parameters, AddCommentRequest body, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await _store.AddCommentAsync(parameters.CaseId, body.Comment, StampOf(context), cancellationToken).ConfigureAwait(false);
        return result.Value is { } updated ? AddCommentResult.Ok(updated) : AddCommentResult.NotFound(result.Message);
    }

    /// <summary><c>GET /api/cases/{case_id}/comments</c>: every comment of the case, oldest first.</summary>
    public async ValueTask<GetCommentsResult> GetCommentsAsync(GetCommentsParameters parameters, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await _store.GetCommentsAsync(parameters.CaseId, cancellationToken).ConfigureAwait(false);
        return result.Value is { } comments
            ? GetCommentsResult.Ok(new CommentList(comments.Select(ToContract).ToArray()))
            : GetCommentsResult.NotFound(result.Message);
    }

    /// <summary>
    /// <c>PATCH /api/cases/{case_id}/comments</c>: edits a comment's text (not found 404, a type change 400, a stale
    /// version 409, in Kibana's order); the whole case with every comment.
    /// </summary>
    public async ValueTask<UpdateCommentResult> UpdateCommentAsync(UpdateCommentParameters parameters, UpdateCommentRequest body, HttpContext context, CancellationToken cancellationToken)
    {
        var patch = new CommentPatch(body.Id, body.Version, body.Type.ToJsonString(), body.Comment);
        var result = await _store.UpdateCommentAsync(parameters.CaseId, patch, StampOf(context), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            StoreOutcome.Done => UpdateCommentResult.Ok(result.Value!),
            StoreOutcome.NotFound => UpdateCommentResult.NotFound(result.Message),
            StoreOutcome.Conflict => UpdateCommentResult.Conflict(result.Message),
            _ => UpdateCommentResult.BadRequest(result.Message),
        };
    }

    /// <summary><c>DELETE /api/cases/{case_id}/comments</c>: deletes every comment of the case; 204.</summary>
    public async ValueTask<DeleteCommentsResult> DeleteCommentsAsync(DeleteCommentsParameters parameters, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await _store.DeleteCommentsAsync(parameters.CaseId, cancellationToken).ConfigureAwait(false);
        return result.IsDone ? DeleteCommentsResult.NoContent() : DeleteCommentsResult.NotFound(result.Message);
    }

    /// <summary><c>GET /api/cases/{case_id}/comments/{comment_id}</c>: one comment of the case.</summary>
    public async ValueTask<GetCommentResult> GetCommentAsync(GetCommentParameters parameters, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await _store.GetCommentAsync(parameters.CaseId, parameters.CommentId, cancellationToken).ConfigureAwait(false);
        return result.Value is { } comment ? GetCommentResult.Ok(ToContract(comment)) : GetCommentResult.NotFound(result.Message);
    }

    /// <summary><c>DELETE /api/cases/{case_id}/comments/{comment_id}</c>: deletes one comment of the case; 204.</summary>
    public async ValueTask<DeleteCommentResult> DeleteCommentAsync(DeleteCommentParameters parameters, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await _store.DeleteCommentAsync(parameters.CaseId, parameters.CommentId, cancellationToken).ConfigureAwait(false);
        return result.IsDone ? DeleteCommentResult.NoContent() : DeleteCommentResult.NotFound(result.Message);
    }

    // The store's comment as the contract's: the same JSON, read by the generated reader (the store wrote it, so it is valid).
    private static Comment ToContract(CaseComment comment) => Comment.Parse(comment.ToJson());
}

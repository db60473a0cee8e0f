using Broadsheet.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Broadsheet.Newsroom.Admin;

/// <summary>A writer's answer on a newsroom form: each field error on its field, anything else at the top of the page.</summary>
public static class WriterErrors
{
    /// <summary>
    /// Adds the errors of a failed write. Field errors go to <paramref name="key"/>(field), by default the form's
    /// <c>Input.Field</c>; a message (a conflict, a missing row) goes to <paramref name="messageKey"/>, by default the page.
    /// </summary>
    public static void AddTo<T>(ModelStateDictionary modelState, WriteResult<T> result, Func<string, string>? key = null, string messageKey = "")
        where T : class
    {
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError((key ?? Input)(field), message);
            }
        }
        if (result.Message is { } text)
        {
            modelState.AddModelError(messageKey, text);
        }
    }

    /// <summary><c>name</c> becomes <c>Input.Name</c>.</summary>
    public static string Input(string field) => "Input." + char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>Where a conflict on a new row's address goes: the typed address, or the name it was made from.</summary>
    public static string AddressKey(string? typedSlug, string nameField = "Name") =>
        string.IsNullOrWhiteSpace(typedSlug) ? $"Input.{nameField}" : "Input.Slug";
}

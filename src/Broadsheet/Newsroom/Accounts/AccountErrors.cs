using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>Puts account errors on the form's fields, so each shows beside its input and in the error summary.</summary>
public static class AccountErrors
{
    public static void AddTo(ModelStateDictionary modelState, AccountResult result, string prefix)
    {
        foreach (var (field, message) in result.Errors)
        {
            modelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", message);
        }
    }

    public static void AddTo(ModelStateDictionary modelState, IdentityResult result, string key)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }
    }
}

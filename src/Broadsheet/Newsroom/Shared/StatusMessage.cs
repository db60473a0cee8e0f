using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Broadsheet.Newsroom.Shared;

/// <summary>A one-line confirmation shown on the next page after a redirect ("Section created.").</summary>
public static class StatusMessage
{
    public const string Key = "Newsroom.Status";

    public static void Set(ITempDataDictionary tempData, string message) => tempData[Key] = message;
}

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Infrastructure;

/// <summary>Reads the message a writer's rule gave through each door: the admin API's problem+json and a re-rendered newsroom form.</summary>
internal static partial class BothDoors
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The messages a 422 problem gives for <paramref name="field"/>.</summary>
    public static async Task<string[]> ApiErrorsAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"Expected 422, got {(int)response.StatusCode}: {body}");
        var errors = JsonNode.Parse(body)!["errors"]?.AsObject();
        Assert.True(errors?[field] is not null, $"Expected an error naming '{field}' in {body}");
        return [.. errors![field]!.AsArray().Select(m => m!.GetValue<string>())];
    }

    /// <summary>The detail of a problem with <paramref name="status"/> (a conflict, say).</summary>
    public static async Task<string> ApiDetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["detail"]!.GetValue<string>();
    }

    /// <summary>The messages the re-rendered form shows under the field whose id is <paramref name="fieldId"/> (e.g. <c>Input_Name</c>).</summary>
    public static async Task<string[]> FormErrorsAsync(HttpResponseMessage response, string fieldId)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var block = FieldError().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == fieldId);
        Assert.True(block is not null, $"No errors shown for {fieldId}");
        return [.. Message().Matches(block.Groups["messages"].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("""<p class="field-error" id="(?<id>[^"]+)-error">(?<messages>.*?)</p>""", RegexOptions.Singleline)]
    private static partial Regex FieldError();

    [GeneratedRegex("""<span class="visually-hidden">Error: </span>(.*?)<br>""", RegexOptions.Singleline)]
    private static partial Regex Message();
}

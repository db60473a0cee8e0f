using Broadsheet.Search;

namespace Broadsheet.Tests.Unit;

public class SearchQueryTests
{
    private static string Fts(string q) => SearchQuery.Parse(q).ToFts5();

    [Fact]
    public void Words_phrases_exclusions_and_or_become_an_fts5_expression_of_quoted_words()
    {
        Assert.Equal("\"talks\" AND \"stall\"", Fts("Talks, stall!"));
        Assert.Equal("\"peace talks\" AND \"geneva\"", Fts("\"peace talks\" Geneva"));
        Assert.Equal("(\"talks\") NOT \"geneva\"", Fts("talks -Geneva"));
        Assert.Equal("(\"talks\" OR \"negotiations\") AND \"envoy\"", Fts("talks OR negotiations envoy"));
        Assert.Equal("\"talks\" AND \"or\" AND \"envoy\"", Fts("talks or envoy"));
        Assert.Equal("\"well known\"", Fts("well-known"));
        Assert.Equal("\"unclosed phrase\"", Fts("\"unclosed phrase"));
        Assert.True(SearchQuery.Parse("-only -exclusions").IsEmpty);
        Assert.True(SearchQuery.Parse("\" \" - OR ; NEAR(").IsEmpty is false);
        Assert.True(SearchQuery.Parse("  \"  ' ; * ^ ").IsEmpty);
    }

    [Fact]
    public void Chinese_and_japanese_runs_are_searched_as_their_two_character_grams()
    {
        Assert.Equal(["谈判"], SearchText.Words("谈判"));
        Assert.Equal(["日内", "内瓦"], SearchText.Words("日内瓦"));
        Assert.Equal(["東京", "京で"], SearchText.Words("東京で"));
        Assert.Equal(["ai", "芯片"], SearchText.Words("AI芯片"));
        Assert.Equal("双方 方在 在日 日内 内瓦 瓦谈 谈判 。", SearchText.ForIndex("双方在日内瓦谈判。").Trim().Replace("  ", " ", StringComparison.Ordinal));
        Assert.Equal("Plain English stays as it is.", SearchText.ForIndex("Plain English stays as it is."));
    }

    [Fact]
    public void The_postgres_expression_takes_every_word_as_a_parameter()
    {
        var query = SearchQuery.Parse("talks OR \"peace deal\" -war");
        Assert.Equal(["talks", "peace deal", "war"], query.Parameters);
        var sql = query.ToTsQuery("english");
        Assert.DoesNotContain("talks", sql);
        Assert.Contains("phraseto_tsquery('english', {1})", sql);
        Assert.Contains(" && !!", sql);
        Assert.Equal("(phraseto_tsquery('simple', {0}))", SearchQuery.Parse("x").ToTsQuery("simple"));
    }

    [Fact]
    public void Highlighting_escapes_everything_and_marks_words_and_their_forms()
    {
        var query = SearchQuery.Parse("negotiate <script>");
        Assert.Equal("The <mark>negotiations</mark> &lt;<mark>script</mark>&gt; resumed", Highlighter.Html("The negotiations <script> resumed", query));
        Assert.Equal("No match &amp; no mark", Highlighter.Html("No match & no mark", SearchQuery.Parse("zebra")));
        Assert.Equal("恢复<mark>谈判</mark>。", Highlighter.Html("恢复谈判。", SearchQuery.Parse("谈判")));

        var long_ = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"w{i}")) + " target " + string.Join(' ', Enumerable.Range(0, 200).Select(i => $"v{i}"));
        var snippet = Highlighter.Snippet(long_, SearchQuery.Parse("target"));
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>target</mark>", snippet);
        Assert.InRange(snippet.Length, 100, Highlighter.SnippetLength + 40);
    }

    [Fact]
    public void Random_input_parses_to_well_formed_expressions_and_safe_html()
    {
        var random = new Random(Fuzz.Seed);
        for (var i = 0; i < Fuzz.Iterations; i++)
        {
            var input = Fuzz.RandomText(random, 80);
            var query = SearchQuery.Parse(input);
            var fts = query.ToFts5();
            Assert.True(fts.Count(c => c == '"') % 2 == 0, $"case {i}: {fts}");
            Assert.All(query.Parameters, p => Assert.DoesNotContain('\0', p));
            Assert.True(query.Required.Sum(g => g.Count) + query.Excluded.Count <= SearchQuery.MaxTerms);
            var html = Highlighter.Snippet(input, query);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(html.Split("<mark>").Length, html.Split("</mark>").Length);
        }
    }
}

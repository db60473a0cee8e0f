using System.Globalization;

namespace Broadsheet.Articles;

/// <summary>
/// How long an article takes to read, shown as "Reading Time: N minutes".
/// Counts the body only: the headline and summary points are read before a reader decides to read on,
/// so the promise "N minutes" is about the body. The hero and every body image add looking time.
/// </summary>
public static class ReadingTime
{
    // English: 238 words/min, the mean silent reading rate of adults for non-fiction in
    // Brysbaert (2019), "How many words do we read per minute? A review and meta-analysis of reading rate",
    // Journal of Memory and Language 109, 104047.
    public const int EnglishWordsPerMinute = 238;

    // Other languages: mean rates of native adult readers per language from the International Reading
    // Speed Texts, Trauzettel-Klosinski & Dietz (2012), "Standardized assessment of reading performance:
    // the new International Reading Speed Texts IReST", Invest Ophthalmol Vis Sci 53(9):5452-5461.
    // IReST timed reading aloud, so these are a little slower than silent reading: an estimate that
    // errs towards "takes a bit less than promised". Chinese and Japanese are counted in characters
    // (the paper's characters/min), since their text has no spaces to count words by.
    private static readonly Dictionary<string, Rate> Rates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = Rate.Words(EnglishWordsPerMinute),
        ["ar"] = Rate.Words(138),
        ["de"] = Rate.Words(179),
        ["es"] = Rate.Words(218),
        ["fi"] = Rate.Words(161),
        ["fr"] = Rate.Words(195),
        ["he"] = Rate.Words(187),
        ["it"] = Rate.Words(188),
        ["nl"] = Rate.Words(202),
        ["pl"] = Rate.Words(166),
        ["pt"] = Rate.Words(181),
        ["ru"] = Rate.Words(184),
        ["sl"] = Rate.Words(180),
        ["sv"] = Rate.Words(199),
        ["tr"] = Rate.Words(166),
        ["zh"] = Rate.Characters(255),
        ["ja"] = Rate.Characters(357),
    };

    /// <summary>Whole minutes, at least 1, for the article's body, images (hero included) and language.</summary>
    public static int Estimate(Article article)
    {
        var images = article.Body.Count(b => b is ImageBlock) + (article.HeroImageId is null ? 0 : 1);
        return Estimate(article.Body, article.Language, images);
    }

    public static int Estimate(IReadOnlyList<Block> body, string language, int images)
    {
        var rate = RateFor(language);
        var units = 0;
        foreach (var segment in PlainText.Segments(body))
        {
            units += rate.CountsCharacters ? CountCharacters(segment.Text) : CountWords(segment.Text);
        }
        return Minutes(units, rate, images);
    }

    /// <summary>
    /// <see cref="Estimate(Article)"/> and the body's word count (the page's JSON-LD <c>wordCount</c>) in one pass
    /// over the body: the article page needs both.
    /// </summary>
    public static (int Minutes, int Words) Measure(Article article)
    {
        var images = article.Body.Count(b => b is ImageBlock) + (article.HeroImageId is null ? 0 : 1);
        var rate = RateFor(article.Language);
        var words = CountWords(article.Body);
        if (!rate.CountsCharacters)
        {
            return (Minutes(words, rate, images), words);
        }
        var characters = 0;
        foreach (var segment in PlainText.Segments(article.Body))
        {
            characters += CountCharacters(segment.Text);
        }
        return (Minutes(characters, rate, images), words);
    }

    private static int Minutes(int units, Rate rate, int images)
    {
        // Kept in integers (seconds times units-per-minute) so that exact minutes never round up by a float error.
        var scaled = (long)units * 60 + (long)ImageSeconds(images) * rate.PerMinute;
        var minutes = (scaled + 60L * rate.PerMinute - 1) / (60L * rate.PerMinute);
        return (int)Math.Max(1, minutes);
    }

    /// <summary>
    /// Looking time for images: 12 s for the first, one second less for each next one, never under 3 s,
    /// the rule Medium published for its reading-time estimate.
    /// </summary>
    public static int ImageSeconds(int images)
    {
        var seconds = 0;
        for (var i = 0; i < images; i++)
        {
            seconds += Math.Max(3, 12 - i);
        }
        return seconds;
    }

    /// <summary>Words: runs of non-space characters holding at least one letter or digit (a lone dash is no word).</summary>
    public static int CountWords(string text)
    {
        var counter = default(WordCounter);
        counter.Add(text);
        return counter.Total;
    }

    /// <summary>
    /// The words of the body's text, each of <see cref="PlainText.Segments"/> counted by <see cref="CountWords(string)"/>,
    /// but in place: a block's runs are counted one after another instead of being joined into a string first (the
    /// article page counts its body on every render).
    /// </summary>
    public static int CountWords(IReadOnlyList<Block> body)
    {
        var words = 0;
        for (var i = 0; i < body.Count; i++)
        {
            words += CountWords(body[i]);
        }
        return words;
    }

    /// <summary>One block's words, as <see cref="CountWords(IReadOnlyList{Block})"/> counts them.</summary>
    public static int CountWords(Block block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                return CountWords(p.Content);
            case HeadingBlock h:
                return CountWords(h.Text);
            case QuoteBlock q:
                return CountWords(q.Content);
            case ListBlock l:
                var words = 0;
                for (var item = 0; item < l.Items.Count; item++)
                {
                    words += CountWords(l.Items[item]);
                }
                return words;
            default:
                return 0;
        }
    }

    private static int CountWords(IReadOnlyList<Inline> runs)
    {
        var counter = default(WordCounter);
        for (var i = 0; i < runs.Count; i++)
        {
            counter.Add(runs[i].Text);
        }
        return counter.Total;
    }

    /// <summary>Counts words over text given in pieces: a word may go on from one piece into the next.</summary>
    private struct WordCounter
    {
        private int words;
        private bool inWord;
        private bool hasLetter;

        public readonly int Total => inWord && hasLetter ? words + 1 : words;

        public void Add(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (inWord && hasLetter)
                    {
                        words++;
                    }
                    inWord = false;
                    hasLetter = false;
                }
                else
                {
                    inWord = true;
                    hasLetter |= char.IsLetterOrDigit(c);
                }
            }
        }
    }

    /// <summary>Characters a reader reads: letters and digits, not spaces or punctuation.</summary>
    public static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && !char.IsLowSurrogate(c))
            {
                count++;
            }
            else if (char.IsHighSurrogate(c))
            {
                // Rare ideographs outside the BMP come as surrogate pairs; count the pair once.
                count++;
            }
        }
        return count;
    }

    /// <summary>The rate for a BCP 47 tag by its primary language; unknown languages read at the English rate.</summary>
    private static Rate RateFor(string language)
    {
        var primary = language.AsSpan();
        var dash = primary.IndexOfAny('-', '_');
        if (dash >= 0)
        {
            primary = primary[..dash];
        }
        var lookup = Rates.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(primary, out var rate) ? rate : Rates["en"];
    }

    private readonly record struct Rate(int PerMinute, bool CountsCharacters)
    {
        public static Rate Words(int perMinute) => new(perMinute, false);

        public static Rate Characters(int perMinute) => new(perMinute, true);
    }

    /// <summary>"1 minute", "2 minutes".</summary>
    public static string Format(int minutes) =>
        minutes == 1 ? "1 minute" : minutes.ToString(CultureInfo.InvariantCulture) + " minutes";
}

using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Speech;

namespace Broadsheet.Listen;

/// <summary>
/// Reads English page text the way a British newsreader would: "£12m" is "twelve million pounds",
/// "21st" is "twenty-first", "Dr Smith" is "Doctor Smith", "9.30am" is "nine thirty a.m".
/// Initialisms are written with inner dots ("U.S", "a.m") because both espeak-ng and flite spell
/// those letter by letter without pausing, whereas flite reads "US" as "us" and espeak-ng reads a
/// lone "A" as the article. Everything it does not recognise is kept verbatim; whitespace runs
/// collapse to one space.
/// </summary>
public sealed partial class EnglishNormaliser : ITextNormaliser
{
    private const string Integer = "[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+";
    private const string Number = @"(?<![\p{L}\p{N}])(?<neg>[-−](?=[0-9]))?(?<int>" + Integer + @")(?:\.(?<frac>[0-9]+))?";
    private const string End = @"(?![\p{L}\p{N}])";
    private const string Months = "(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?!\\p{L})";
    private const string Day = "(?<d>[12][0-9]|3[01]|0?[1-9])(?!\\d)(?:st|nd|rd|th)?";
    private const string Year = "(?<y>1[1-9][0-9]{2}|20[0-9]{2})(?![\\p{L}\\p{N}]|[.,][0-9])";
    private const string Gap = "[ \u00A0]";

    private static readonly Dictionary<string, string> MonthNames = new(StringComparer.Ordinal)
    {
        ["Jan"] = "January",
        ["Feb"] = "February",
        ["Mar"] = "March",
        ["Apr"] = "April",
        ["Jun"] = "June",
        ["Jul"] = "July",
        ["Aug"] = "August",
        ["Sep"] = "September",
        ["Sept"] = "September",
        ["Oct"] = "October",
        ["Nov"] = "November",
        ["Dec"] = "December",
    };

    private static readonly Dictionary<string, (string One, string Many)> Units = new(StringComparer.Ordinal)
    {
        ["km"] = ("kilometre", "kilometres"),
        ["km²"] = ("square kilometre", "square kilometres"),
        ["km/h"] = ("kilometre per hour", "kilometres per hour"),
        ["kph"] = ("kilometre per hour", "kilometres per hour"),
        ["mph"] = ("mile per hour", "miles per hour"),
        ["cm"] = ("centimetre", "centimetres"),
        ["mm"] = ("millimetre", "millimetres"),
        ["m"] = ("metre", "metres"),
        ["kg"] = ("kilogram", "kilograms"),
        ["g"] = ("gram", "grams"),
        ["mg"] = ("milligram", "milligrams"),
        ["lb"] = ("pound", "pounds"),
        ["lbs"] = ("pound", "pounds"),
        ["ml"] = ("millilitre", "millilitres"),
        ["ft"] = ("foot", "feet"),
        ["ha"] = ("hectare", "hectares"),
        ["kW"] = ("kilowatt", "kilowatts"),
        ["MW"] = ("megawatt", "megawatts"),
        ["GW"] = ("gigawatt", "gigawatts"),
        ["kWh"] = ("kilowatt hour", "kilowatt hours"),
        ["MWh"] = ("megawatt hour", "megawatt hours"),
        ["GWh"] = ("gigawatt hour", "gigawatt hours"),
        ["MB"] = ("megabyte", "megabytes"),
        ["GB"] = ("gigabyte", "gigabytes"),
        ["TB"] = ("terabyte", "terabytes"),
        ["k"] = ("thousand", "thousand"),
        ["bn"] = ("billion", "billion"),
        ["tn"] = ("trillion", "trillion"),
        ["trn"] = ("trillion", "trillion"),
    };

    // "5m people" and "1.9m" are millions, "the 100m final" is metres: newspapers abbreviate million
    // with a decimal or before things counted in millions.
    private static readonly HashSet<string> CountedInMillions = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "residents", "users", "viewers", "voters", "households", "homes", "jobs", "barrels",
        "tonnes", "visitors", "tourists", "passengers", "subscribers", "copies", "doses", "cases",
        "children", "workers", "members", "followers", "downloads", "shares", "years",
    };

    // A four-digit number before one of these is a quantity, not a year: "1500 metres", "2000 troops".
    private static readonly HashSet<string> QuantityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "per", "percent", "hundred", "thousand", "million", "billion", "trillion", "dollars", "pounds", "euros",
        "yen", "yuan", "won", "rupees", "metres", "meters", "kilometres", "kilometers", "miles", "feet",
        "tonnes", "tons", "kilograms", "grams", "litres", "hectares", "acres", "km", "kg", "mph", "square",
        "degrees", "people", "troops", "soldiers", "students", "workers", "residents", "homes", "houses",
        "cases", "deaths", "votes", "patients", "children", "units", "points", "jobs", "words", "pages",
        "times", "members", "staff", "employees", "officers", "police", "delegates", "flights", "vehicles",
    };

    // After these a Roman numeral is a number ("World War II"); after other names it is regnal ("Elizabeth II").
    private static readonly HashSet<string> NumberedThings = new(StringComparer.Ordinal)
    {
        "War", "Apollo", "Part", "Chapter", "Title", "Article", "Bowl", "Phase", "Stage", "Type", "Class",
        "Grade", "Level", "Act", "Book", "Volume", "Vol", "Gemini", "Mark", "Mk", "Vatican", "Series", "Category",
    };

    // Initialisms the engines would otherwise read as words ("US" as "us" in flite); spelled with inner dots.
    private static readonly HashSet<string> Initialisms = new(StringComparer.Ordinal)
    {
        "US", "USA", "UK", "UN", "EU", "UAE", "AI", "WHO", "IMF", "WTO", "CEO", "GDP", "PM", "MP", "NHS",
        "BBC", "FBI", "CIA", "NGO", "ICC", "IOC", "DPRK", "PRC", "PLA", "CCP",
    };

    private static readonly Dictionary<string, Abbreviation> Abbreviations = new(StringComparer.Ordinal)
    {
        ["Mr"] = new("Mister", Title: true),
        ["Mrs"] = new("Missus", Title: true),
        ["Ms"] = new("Miz", Title: true),
        ["Prof"] = new("Professor", Title: true),
        ["Lt"] = new("Lieutenant", Title: true),
        ["Capt"] = new("Captain", Title: true),
        ["Sgt"] = new("Sergeant", Title: true),
        ["Cpl"] = new("Corporal", Title: true),
        ["Rev"] = new("Reverend", Title: true, NeedsPeriod: true),
        ["Sen"] = new("Senator", Title: true, NeedsPeriod: true),
        ["Rep"] = new("Representative", Title: true, NeedsPeriod: true),
        ["Gov"] = new("Governor", Title: true, NeedsPeriod: true),
        ["Gen"] = new("General", Title: true, NeedsPeriod: true),
        ["Col"] = new("Colonel", Title: true, NeedsPeriod: true),
        ["Mt"] = new("Mount", Title: true),
        ["Jr"] = new("Junior"),
        ["Sr"] = new("Senior"),
        ["Ltd"] = new("Limited"),
        ["vs"] = new("versus", Title: true),
        ["etc"] = new("et cetera"),
        ["approx"] = new("approximately", Title: true),
        ["incl"] = new("including", Title: true),
        ["govt"] = new("government"),
        ["sq"] = new("square"),
        ["km"] = new("kilometres"),
        ["kg"] = new("kilograms"),
        ["mph"] = new("miles per hour"),
        ["kph"] = new("kilometres per hour"),
        ["ft"] = new("feet"),
        ["Jan"] = new("January", NeedsPeriod: true),
        ["Feb"] = new("February", NeedsPeriod: true),
        ["Mar"] = new("March", NeedsPeriod: true),
        ["Apr"] = new("April", NeedsPeriod: true),
        ["Jun"] = new("June", NeedsPeriod: true),
        ["Jul"] = new("July", NeedsPeriod: true),
        ["Aug"] = new("August", NeedsPeriod: true),
        ["Sep"] = new("September", NeedsPeriod: true),
        ["Sept"] = new("September", NeedsPeriod: true),
        ["Oct"] = new("October", NeedsPeriod: true),
        ["Nov"] = new("November", NeedsPeriod: true),
        ["Dec"] = new("December", NeedsPeriod: true),
    };

    /// <summary>An expansion; a title ("Mr.") never ends a sentence, so its full stop is never kept.</summary>
    private sealed record Abbreviation(string Spoken, bool Title = false, bool NeedsPeriod = false);

    // "¥" alone is yen; "¥500 yuan" names the renminbi, and the word is read once.
    private static readonly (string Name, bool Yuan)[] YenOrYuan = [(" yuan", true), (" renminbi", true), (" yen", false)];

    private readonly record struct Currency(string One, string Many, string? MinorOne = null, string? MinorMany = null);

    public string Language => "en";

    public NormalisedText Normalise(string text) => new Reading(text).Run();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])(?<code>US|HK|AU|A|CA|C|NZ|S|NT|CN|JP|RMB)?(?<sym>[$£€¥₹₩])" + Gap + "?(?<int>" + Integer + @")(?:\.(?<frac>[0-9]+))?(?:" + Gap + "(?<mag>trillion|billion|million|thousand)|(?<mag>trn|tn|bn|m|k))?" + End)]
    private static partial Regex CurrencyAmount();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])(?<y>[12][0-9]{3})-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12][0-9]|3[01])" + End)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])(?<h>1[0-2]|0?[1-9])(?:[:.](?<m>[0-5][0-9]))?" + Gap + @"?(?<ap>[aApP])\.?[mM]\.?" + End)]
    private static partial Regex TwelveHourTime();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}:])(?<h>[01]?[0-9]|2[0-3]):(?<m>[0-5][0-9])(?![\p{L}\p{N}]|:[0-9])")]
    private static partial Regex TwentyFourHourTime();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])" + Day + Gap + Months + @"(?<dot>\.)?(?:,?" + Gap + Year + ")?")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])" + Months + @"\.?" + Gap + Day + @"(?![\p{L}\p{N}]|[.,:][0-9])(?:(?<comma>,)?" + Gap + Year + ")?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])" + Months + @"\.?" + Gap + Year)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])(?:(?<y>1[1-9][0-9]0|20[0-9]0)['’]?s|['’]?(?<y>[1-9]0)s)" + End)]
    private static partial Regex Decade();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])(?<int>" + Integer + ")(?:st|nd|rd|th)" + End)]
    private static partial Regex OrdinalNumber();

    [GeneratedRegex(@"\G" + Number + "(?:" + Gap + "?(?<deg>°)" + Gap + "?(?<u>[CF])?|(?<u>C))" + End)]
    private static partial Regex Temperature();

    [GeneratedRegex(@"\G" + Number + Gap + "?%")]
    private static partial Regex Percentage();

    [GeneratedRegex(@"\G" + Number + "(?:" + Gap + "?(?<u>km/h|km²|kph|mph|kWh|MWh|GWh|kW|MW|GW|km|cm|mm|kg|mg|ml|ha|ft|lbs|lb|GB|MB|TB|bn|trn|tn)|(?<u>g|m|k))(?![\\p{L}\\p{N}²/])")]
    private static partial Regex Measurement();

    [GeneratedRegex(@"\G" + Number + End)]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])(?:\p{L}\.){2,}" + End)]
    private static partial Regex DottedInitialism();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])No\.?(?=" + Gap + "[0-9])")]
    private static partial Regex NumberSign();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}/])(?<a>[0-3]?[0-9])/(?<b>[0-3]?[0-9])/" + Year + "(?!/)")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}/])(?<a>[0-9]{1,2})/(?<b>[0-9]{1,2})(?![\p{L}\p{N}/])")]
    private static partial Regex Fraction();

    [GeneratedRegex("^(?:X{0,3})(?:IX|IV|VI{0,3}|I{1,3})$")]
    private static partial Regex RomanNumeral();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])ca?\.(?=" + Gap + "[0-9])")]
    private static partial Regex Circa();

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])km/h" + End)]
    private static partial Regex KilometresPerHour();

    [GeneratedRegex(@"\G[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*")]
    private static partial Regex Word();

    /// <summary>One pass over one text; holds the output and what the previous token was.</summary>
    private sealed class Reading(string text)
    {
        private readonly SpokenTextBuilder _say = new(text);
        private bool _afterNumber;

        public NormalisedText Run()
        {
            var pos = 0;
            while (pos < text.Length)
            {
                if (char.IsWhiteSpace(text[pos]))
                {
                    var end = pos;
                    while (end < text.Length && char.IsWhiteSpace(text[end]))
                    {
                        end++;
                    }
                    _say.Space(pos, end);
                    pos = end;
                    continue;
                }
                var numeric = ReadNumeric(pos);
                if (numeric > 0)
                {
                    _afterNumber = true;
                    pos += numeric;
                    continue;
                }
                var wasAfterNumber = _afterNumber;
                _afterNumber = false;
                var read = ReadWord(pos);
                pos += read > 0 ? read : ReadSymbol(pos, wasAfterNumber);
            }
            return _say.Build();
        }

        private int ReadNumeric(int pos)
        {
            var c = text[pos];
            if (!char.IsAsciiDigit(c) && c is not ('$' or '£' or '€' or '¥' or '₹' or '₩' or '-' or '−' or '\'' or '’') && !char.IsAsciiLetterUpper(c))
            {
                return 0;
            }
            // "10-12", "52%-48%": a dash straight after a number is a range, not a minus sign.
            if (c is '-' or '−' && _afterNumber && pos > 0 && !char.IsWhiteSpace(text[pos - 1]))
            {
                return 0;
            }
            return ReadCurrency(pos)
                ?? Try(SlashDate(), pos, SlashDateOf)
                ?? Try(Fraction(), pos, FractionOf)
                ?? Try(IsoDate(), pos, m => $"the {EnglishNumbers.Ordinal(Int(m, "d"))} of {EnglishNumbers.Month(Int(m, "m"))} {YearOrNumber(Int(m, "y"))}")
                ?? Try(TwelveHourTime(), pos, TimeOfDay)
                ?? Try(TwentyFourHourTime(), pos, m => EnglishNumbers.Time(Int(m, "h"), Int(m, "m"), twelveHour: false))
                ?? Try(DayMonth(), pos, m => $"the {EnglishNumbers.Ordinal(Int(m, "d"))} of {MonthOf(m)}{YearAfter(m, " ")}")
                ?? Try(Decade(), pos, m => EnglishNumbers.Decade(Int(m, "y")))
                ?? Try(OrdinalNumber(), pos, m => EnglishNumbers.Ordinalise(EnglishNumbers.Number(m.Groups["int"].Value)))
                ?? Try(Temperature(), pos, Degrees)
                ?? Try(Percentage(), pos, m => NumberOf(m) + " per cent")
                ?? Try(Measurement(), pos, MeasureOf)
                ?? Try(PlainNumber(), pos, PlainNumberOf)
                ?? Try(MonthDay(), pos, m => $"{MonthOf(m)} {EnglishNumbers.Ordinal(Int(m, "d"))}{YearAfter(m, m.Groups["comma"].Success ? ", " : " ")}")
                ?? Try(MonthYear(), pos, m => $"{MonthOf(m)} {EnglishNumbers.Year(Int(m, "y"))}")
                ?? 0;
        }

        private int ReadWord(int pos)
        {
            if (!char.IsLetterOrDigit(text[pos]))
            {
                return 0;
            }
            var dotted = DottedInitialism().Match(text, pos);
            if (dotted.Success)
            {
                var letters = dotted.Value.Replace(".", "", StringComparison.Ordinal);
                var spoken = letters.ToLowerInvariant() switch
                {
                    "eg" => "for example",
                    "ie" => "that is",
                    _ => Spell(letters),
                };
                SayUpTo(spoken, pos, pos + dotted.Length, keepFinalStop: true);
                return dotted.Length;
            }
            if (Try(NumberSign(), pos, _ => "number") is { } numberSign)
            {
                return numberSign;
            }
            if (Try(Circa(), pos, _ => "circa") is { } circa)
            {
                return circa;
            }
            if (Try(KilometresPerHour(), pos, _ => "kilometres per hour") is { } perHour)
            {
                return perHour;
            }

            var word = Word().Match(text, pos);
            var end = pos + word.Length;
            var hasPeriod = end < text.Length && text[end] == '.';
            if (Initialisms.Contains(word.Value))
            {
                _say.Say(Spell(word.Value), pos, end);
            }
            else if (word.Length > 3 && word.Value[^1] == 's' && word.Value[^2] is '\'' or '’' && Initialisms.Contains(word.Value[..^2]))
            {
                // "U.N.'s": both engines read the closing dot as part of the letters, not as a stop.
                _say.Say($"{Spell(word.Value[..^2])}.{word.Value[^2]}s", pos, end);
            }
            else if (word.Length > 1 && RomanNumeral().IsMatch(word.Value) && char.IsUpper(FirstLetterOfWordBefore(pos)))
            {
                var value = RomanValue(word.Value);
                _say.Say(NumberedThings.Contains(WordBefore(pos)) ? EnglishNumbers.Cardinal(value) : "the " + EnglishNumbers.Ordinal(value), pos, end);
            }
            else if (word.Value is "St" or "Dr")
            {
                _say.Say(PlaceOrTitle(word.Value, pos, hasPeriod ? end + 1 : end), pos, hasPeriod ? end + 1 : end);
                return word.Length + (hasPeriod ? 1 : 0);
            }
            else if (Abbreviations.TryGetValue(word.Value, out var abbreviation) && (hasPeriod || !abbreviation.NeedsPeriod))
            {
                var through = hasPeriod ? end + 1 : end;
                if (abbreviation.Title)
                {
                    _say.Say(abbreviation.Spoken, pos, through);
                }
                else
                {
                    SayUpTo(abbreviation.Spoken, pos, through, keepFinalStop: true);
                }
                return through - pos;
            }
            else
            {
                _say.Keep(pos, end);
            }
            return word.Length;
        }

        private int ReadSymbol(int pos, bool afterNumber)
        {
            var c = text[pos];
            var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
            switch (c)
            {
                case '-' or '–' or '—' when afterNumber && StartsNumber(SkipOneGap(pos + 1)):
                    _say.Say("to", pos, pos + 1);
                    break;
                case '-' when pos > 0 && char.IsLetter(text[pos - 1]) && char.IsAsciiDigit(next):
                    // "COVID-19", "F-16": the letters and the number are read as two words.
                    _say.Space(pos, pos + 1);
                    break;
                case '&':
                    _say.Say("and", pos, pos + 1);
                    break;
                case '%':
                    _say.Say("per cent", pos, pos + 1);
                    break;
                case '°':
                    _say.Say("degrees", pos, pos + 1);
                    break;
                case '+' when char.IsAsciiDigit(next):
                    _say.Say("plus", pos, pos + 1);
                    break;
                default:
                    _say.Keep(pos, pos + 1);
                    break;
            }
            return 1;
        }

        private int? ReadCurrency(int pos)
        {
            var m = CurrencyAmount().Match(text, pos);
            if (!m.Success || CurrencyOf(m.Groups["code"].Value, m.Groups["sym"].Value[0]) is not { } currency)
            {
                return null;
            }
            var end = pos + m.Length;
            if (m.Groups["sym"].Value == "¥")
            {
                foreach (var (name, yuan) in YenOrYuan)
                {
                    if (string.CompareOrdinal(text, end, name, 0, name.Length) == 0 && (end + name.Length == text.Length || !char.IsLetter(text[end + name.Length])))
                    {
                        currency = yuan ? new Currency(name[1..], name[1..]) : currency;
                        end += name.Length;
                        break;
                    }
                }
            }
            var integer = m.Groups["int"].Value;
            var fraction = m.Groups["frac"].Success ? m.Groups["frac"].Value : null;
            string spoken;
            if (m.Groups["mag"].Success)
            {
                spoken = $"{EnglishNumbers.Number(integer, fraction)} {Magnitude(m.Groups["mag"].Value)} {currency.Many}";
            }
            else if (fraction is { Length: 2 } && currency.MinorMany is not null)
            {
                var major = integer == "1" ? "one " + currency.One : $"{EnglishNumbers.Number(integer)} {currency.Many}";
                var cents = int.Parse(fraction, CultureInfo.InvariantCulture);
                var minor = $"{EnglishNumbers.Cardinal(cents)} {(cents == 1 ? currency.MinorOne : currency.MinorMany)}";
                spoken = cents == 0 ? major : integer.Trim('0', ',').Length == 0 ? minor : $"{major} and {minor}";
            }
            else
            {
                spoken = $"{EnglishNumbers.Number(integer, fraction)} {(integer == "1" && fraction is null ? currency.One : currency.Many)}";
            }
            _say.Say(spoken, pos, end);
            return end - pos;
        }

        private static Currency? CurrencyOf(string code, char symbol) => (symbol, code) switch
        {
            ('$', "") => new("dollar", "dollars", "cent", "cents"),
            ('$', "US") => new("U.S dollar", "U.S dollars", "cent", "cents"),
            ('$', "HK") => new("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
            ('$', "A" or "AU") => new("Australian dollar", "Australian dollars", "cent", "cents"),
            ('$', "C" or "CA") => new("Canadian dollar", "Canadian dollars", "cent", "cents"),
            ('$', "NZ") => new("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
            ('$', "S") => new("Singapore dollar", "Singapore dollars", "cent", "cents"),
            ('$', "NT") => new("New Taiwan dollar", "New Taiwan dollars", "cent", "cents"),
            ('£', "") => new("pound", "pounds", "penny", "pence"),
            ('€', "") => new("euro", "euros", "cent", "cents"),
            ('¥', "" or "JP") => new("yen", "yen"),
            ('¥', "CN" or "RMB") => new("yuan", "yuan"),
            ('₹', "") => new("rupee", "rupees"),
            ('₩', "") => new("won", "won"),
            _ => null,
        };

        private static string Magnitude(string magnitude) => magnitude switch
        {
            "k" => "thousand",
            "m" => "million",
            "bn" => "billion",
            "tn" or "trn" => "trillion",
            _ => magnitude,
        };

        private string TimeOfDay(Match m)
        {
            var hour = Int(m, "h");
            var minute = m.Groups["m"].Success ? Int(m, "m") : 0;
            var meridiem = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'a' ? "a.m" : "p.m";
            return $"{EnglishNumbers.Time(hour, minute, twelveHour: true)} {meridiem}";
        }

        private string? Degrees(Match m)
        {
            // "40C" without the sign is a temperature in British papers; "Room 140C" is not.
            if (!m.Groups["deg"].Success && (m.Groups["int"].Length > 2 || m.Groups["int"].Value.Contains(',')))
            {
                return null;
            }
            var unit = m.Groups["u"].Value switch
            {
                "C" => " Celsius",
                "F" => " Fahrenheit",
                _ => "",
            };
            return $"{NumberOf(m)} {(IsOne(m) ? "degree" : "degrees")}{unit}";
        }

        private string MeasureOf(Match m)
        {
            var unit = m.Groups["u"].Value;
            var million = unit == "m" && (m.Groups["frac"].Success || CountedInMillions.Contains(WordAfter(m.Index + m.Length)));
            var (one, many) = million ? ("million", "million") : Units[unit];
            return $"{NumberOf(m)} {(IsOne(m) ? one : many)}";
        }

        private string PlainNumberOf(Match m)
        {
            var integer = m.Groups["int"].Value;
            var looksLikeYear = !m.Groups["neg"].Success && !m.Groups["frac"].Success && integer.Length == 4
                && EnglishNumbers.IsYear(Int(m, "int")) && !QuantityWords.Contains(WordAfter(m.Index + m.Length));
            return looksLikeYear ? EnglishNumbers.Year(Int(m, "int")) : NumberOf(m);
        }

        /// <summary>"1/3/2025" is the first of March (day first, as in Britain) unless only month first makes sense.</summary>
        private static string? SlashDateOf(Match m)
        {
            var (a, b) = (Int(m, "a"), Int(m, "b"));
            var (day, month) = a is >= 1 and <= 31 && b is >= 1 and <= 12 ? (a, b)
                : a is >= 1 and <= 12 && b is >= 13 and <= 31 ? (b, a)
                : (0, 0);
            return day == 0 ? null : $"the {EnglishNumbers.Ordinal(day)} of {EnglishNumbers.Month(month)} {EnglishNumbers.Year(Int(m, "y"))}";
        }

        private static string? FractionOf(Match m)
        {
            var (numerator, denominator) = (Int(m, "a"), Int(m, "b"));
            if (numerator == 24 && denominator == 7)
            {
                return "twenty-four seven";
            }
            if (denominator is < 2 or > 10 || numerator < 1 || numerator >= denominator)
            {
                return null;
            }
            var part = denominator switch
            {
                2 => "half",
                4 => "quarter",
                _ => EnglishNumbers.Ordinal(denominator),
            };
            var plural = numerator == 1 ? part : part == "half" ? "halves" : part + "s";
            return $"{EnglishNumbers.Cardinal(numerator)} {plural}";
        }

        private static string Spell(string letters) => string.Join('.', letters.ToCharArray());

        private static int RomanValue(string numeral)
        {
            var total = 0;
            for (var i = 0; i < numeral.Length; i++)
            {
                var value = numeral[i] switch { 'I' => 1, 'V' => 5, _ => 10 };
                var next = i + 1 < numeral.Length ? numeral[i + 1] switch { 'I' => 1, 'V' => 5, _ => 10 } : 0;
                total += value < next ? -value : value;
            }
            return total;
        }

        private static string NumberOf(Match m)
        {
            var number = EnglishNumbers.Number(m.Groups["int"].Value, m.Groups["frac"].Success ? m.Groups["frac"].Value : null);
            return m.Groups["neg"].Success ? "minus " + number : number;
        }

        private static bool IsOne(Match m) => m.Groups["int"].Value == "1" && !m.Groups["frac"].Success && !m.Groups["neg"].Success;

        private static string YearOrNumber(int year) => EnglishNumbers.IsYear(year) ? EnglishNumbers.Year(year) : EnglishNumbers.Cardinal(year);

        private static string YearAfter(Match m, string separator) => m.Groups["y"].Success ? separator + EnglishNumbers.Year(Int(m, "y")) : "";

        private static string MonthOf(Match m) => MonthNames.GetValueOrDefault(m.Groups["mon"].Value, m.Groups["mon"].Value);

        private static int Int(Match m, string group) =>
            int.Parse(m.Groups[group].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

        /// <summary>"St Paul" is Saint Paul, "Downing St" Downing Street; "Dr Li" Doctor Li, "Mulholland Dr" Drive.</summary>
        private string PlaceOrTitle(string word, int start, int end)
        {
            var nameFollows = char.IsUpper(FirstLetterAfter(end));
            var nameBefore = char.IsUpper(FirstLetterOfWordBefore(start));
            if (word == "St")
            {
                return nameFollows ? "Saint" : "Street";
            }
            return nameFollows || !nameBefore ? "Doctor" : "Drive";
        }

        private char FirstLetterAfter(int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            return i < text.Length ? text[i] : '\0';
        }

        private char FirstLetterOfWordBefore(int i) => WordBefore(i) is { Length: > 0 } word ? word[0] : '\0';

        /// <summary>The word just before <paramref name="i"/>, across whitespace only.</summary>
        private string WordBefore(int i)
        {
            var end = i;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
            if (end == i || end == 0)
            {
                return "";
            }
            var start = end;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }
            return text[start..end];
        }

        private string WordAfter(int i)
        {
            while (i < text.Length && text[i] is ' ' or '\u00A0')
            {
                i++;
            }
            var end = i;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }
            return text[i..end];
        }

        private int SkipOneGap(int i) => i < text.Length && text[i] is ' ' or '\u00A0' ? i + 1 : i;

        private bool StartsNumber(int i) => i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '$' or '£' or '€' or '¥' or '₹' or '₩')
            || (i + 1 < text.Length && char.IsAsciiLetterUpper(text[i]) && CurrencyAmount().IsMatch(text, i));

        /// <summary>Applies a rule: when the regex matches at <paramref name="pos"/> and the reading accepts the match.</summary>
        private int? Try(Regex regex, int pos, Func<Match, string?> reading)
        {
            var m = regex.Match(text, pos);
            if (!m.Success || reading(m) is not { } spoken)
            {
                return null;
            }
            SayUpTo(spoken, pos, pos + m.Length, keepFinalStop: true);
            return m.Length;
        }

        /// <summary>
        /// Says <paramref name="spoken"/> for <c>[start, end)</c>. When the stretch ends in a full stop
        /// that also ends the sentence ("… at 9am."), the stop is kept so the engine still pauses.
        /// </summary>
        private void SayUpTo(string spoken, int start, int end, bool keepFinalStop)
        {
            if (keepFinalStop && end - start > 1 && text[end - 1] == '.' && SentenceSplitter.EndsSentenceAt(text, end - 1))
            {
                _say.Say(spoken, start, end - 1);
                _say.Keep(end - 1, end);
            }
            else
            {
                _say.Say(spoken, start, end);
            }
        }
    }
}

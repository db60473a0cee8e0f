namespace Broadsheet.Listen;

/// <summary>Numbers as British English words: "and" before the last two digits, hyphenated tens.</summary>
internal static class EnglishNumbers
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Size, string Name)[] Scales =
    [
        (1_000_000_000_000_000, "quadrillion"),
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ];

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    // Beyond this, digit strings are account numbers and codes more often than quantities.
    private const int LongestReadAsNumber = 18;

    public static string Cardinal(long n)
    {
        if (n < 0)
        {
            return "minus " + Cardinal(-n);
        }
        if (n < 1000)
        {
            return UnderThousand((int)n);
        }
        var words = new List<string>();
        foreach (var (size, name) in Scales)
        {
            if (n >= size)
            {
                words.Add(UnderThousand((int)(n / size)) + " " + name);
                n %= size;
            }
        }
        if (n > 0)
        {
            words.Add(n < 100 ? "and " + UnderHundred((int)n) : UnderThousand((int)n));
        }
        return string.Join(' ', words);
    }

    /// <summary>
    /// A number as written: digits with optional thousands commas and an optional fraction.
    /// "007" and very long digit strings are read digit by digit.
    /// </summary>
    public static string Number(string integer, string? fraction = null)
    {
        var digits = integer.Replace(",", "", StringComparison.Ordinal);
        var whole = digits.Length > LongestReadAsNumber || (digits.Length > 1 && digits[0] == '0' && !integer.Contains(','))
            ? Digits(digits)
            : Cardinal(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
        return string.IsNullOrEmpty(fraction) ? whole : whole + " point " + Digits(fraction);
    }

    public static string Digits(string digits) => string.Join(' ', digits.Select(d => Ones[d - '0']));

    public static string Ordinal(long n) => Ordinalise(Cardinal(n));

    public static string Ordinalise(string cardinal)
    {
        var cut = cardinal.LastIndexOfAny([' ', '-']) + 1;
        var last = cardinal[cut..];
        var ordinal = last switch
        {
            "one" => "first",
            "two" => "second",
            "three" => "third",
            "five" => "fifth",
            "eight" => "eighth",
            "nine" => "ninth",
            "twelve" => "twelfth",
            _ when last.EndsWith('y') => last[..^1] + "ieth",
            _ => last + "th",
        };
        return cardinal[..cut] + ordinal;
    }

    public static bool IsYear(int n) => n is >= 1100 and <= 2099;

    /// <summary>"nineteen ninety-eight", "nineteen oh five", "two thousand and five", "twenty twenty-four".</summary>
    public static string Year(int year)
    {
        if (year is >= 2000 and < 2010)
        {
            return year == 2000 ? "two thousand" : "two thousand and " + Ones[year - 2000];
        }
        var (century, rest) = (year / 100, year % 100);
        return rest switch
        {
            0 => Cardinal(century) + " hundred",
            < 10 => Cardinal(century) + " oh " + Ones[rest],
            _ => Cardinal(century) + " " + UnderHundred(rest),
        };
    }

    /// <summary>"1990s" is "nineteen nineties"; "80s" is "eighties".</summary>
    public static string Decade(int decade) => Pluralise(decade >= 100 ? Year(decade) : Cardinal(decade));

    public static string Month(int month) => Months[month - 1];

    /// <summary>Clock time: "nine", "nine oh five", "ten fifteen"; a whole hour on a 24-hour clock is "fourteen hundred".</summary>
    public static string Time(int hour, int minute, bool twelveHour) => minute switch
    {
        0 when twelveHour => Cardinal(hour),
        0 => Cardinal(hour) + (hour > 12 || hour == 0 ? " hundred" : " o'clock"),
        < 10 => Cardinal(hour) + " oh " + Ones[minute],
        _ => Cardinal(hour) + " " + UnderHundred(minute),
    };

    private static string Pluralise(string words) => words.EndsWith('y') ? words[..^1] + "ies" : words + "s";

    private static string UnderThousand(int n)
    {
        var (hundreds, rest) = (n / 100, n % 100);
        if (hundreds == 0)
        {
            return UnderHundred(rest);
        }
        var words = Ones[hundreds] + " hundred";
        return rest == 0 ? words : words + " and " + UnderHundred(rest);
    }

    private static string UnderHundred(int n) => n < 20
        ? Ones[n]
        : Tens[n / 10] + (n % 10 == 0 ? "" : "-" + Ones[n % 10]);
}

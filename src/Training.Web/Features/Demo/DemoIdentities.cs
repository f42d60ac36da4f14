using System.Globalization;
using Training.Core.Domain;

namespace Training.Web.Features.Demo;

/// <summary>
/// Names, resident ID numbers and mobile numbers for generated persons. ID numbers are unique
/// by construction: one counter per (county code, birth day, sex) hands out the sequence
/// codes 001–900, so no set of issued numbers has to be kept (the nation scale has millions).
/// Codes 901–999 are left for the fixed persons of <see cref="DemoData"/>.
/// </summary>
internal sealed class DemoIdentities
{
    private static readonly DateOnly FirstBirthDay = new(1960, 1, 1);
    private static readonly DateOnly LastBirthDay = new(1998, 12, 31);
    private static readonly int Days = LastBirthDay.DayNumber - FirstBirthDay.DayNumber + 1;
    private const int SequencesPerSex = 450;

    /// <summary>
    /// County codes on the ID cards of each district's people: today's code and the code of the
    /// county that issued older cards (440102 东山区 and 440107 芳村区 merged in 2005, 440116 萝岗区
    /// in 2014; 番禺、花都、增城、从化 were county-level cities or counties before).
    /// </summary>
    private static readonly Dictionary<string, (string Code, int Weight)[]> CountyCodes = new()
    {
        ["440103"] = [("440103", 80), ("440107", 20)],
        ["440104"] = [("440104", 65), ("440102", 35)],
        ["440105"] = [("440105", 100)],
        ["440106"] = [("440106", 100)],
        ["440111"] = [("440111", 100)],
        ["440112"] = [("440112", 70), ("440116", 30)],
        ["440113"] = [("440113", 75), ("440181", 25)],
        ["440114"] = [("440114", 75), ("440122", 25)],
        ["440115"] = [("440115", 50), ("440181", 50)],
        ["440117"] = [("440117", 40), ("440184", 60)],
        ["440118"] = [("440118", 40), ("440183", 60)],
    };

    /// <summary>People who came from elsewhere (五华、潮安、陆丰、玉林、于都、桂阳、三台).</summary>
    private static readonly string[] Elsewhere = ["441424", "445121", "441581", "452501", "360731", "431021", "510722"];

    private static readonly (string Name, int Weight)[] Surnames =
    [
        ("陈", 100), ("李", 70), ("黄", 70), ("张", 50), ("梁", 50), ("林", 40), ("刘", 40), ("吴", 30),
        ("罗", 30), ("何", 30), ("郑", 25), ("谢", 20), ("钟", 20), ("邓", 20), ("冯", 20), ("曾", 20),
        ("王", 15), ("潘", 15), ("朱", 15), ("叶", 15), ("杨", 15), ("周", 15), ("郭", 12), ("蔡", 12),
        ("卢", 12), ("谭", 10), ("麦", 10), ("关", 10), ("赖", 8), ("许", 8), ("徐", 8), ("苏", 8),
        ("胡", 8), ("彭", 8), ("骆", 8), ("江", 7), ("温", 6), ("汤", 5), ("区", 6), ("邝", 6),
        ("莫", 6), ("简", 4), ("植", 3), ("岑", 4), ("欧阳", 3), ("司徒", 2),
    ];

    private static readonly string MaleChars = "伟强明华军杰志国建文辉俊健锦荣达浩斌海永耀基坤成宏家炳洪振智嘉鹏德富贵权润培树森星汉伦东南庆威昌";
    private static readonly string FemaleChars = "丽芳敏燕玲婷霞红艳娟静美秀英慧洁欣颖雪琳翠凤嘉咏诗莹晓彤惠娴碧玉桂珍萍倩雯婉佩丹";

    private static readonly string[] PhonePrefixes =
        ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188",
         "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "189", "177", "199", "198"];

    private static readonly int SurnameTotal = Surnames.Sum(s => s.Weight);

    private readonly List<string> _counties = [];
    private readonly Dictionary<string, int> _countyIndex = new(StringComparer.Ordinal);
    private readonly ushort[] _issued;

    public DemoIdentities()
    {
        foreach (var code in CountyCodes.Values.SelectMany(c => c).Select(c => c.Code).Concat(Elsewhere))
            if (_countyIndex.TryAdd(code, _counties.Count)) _counties.Add(code);
        _issued = new ushort[_counties.Count * Days * 2];
    }

    public static int ClampBirthYear(int year) => Math.Clamp(year, FirstBirthDay.Year, LastBirthDay.Year);

    /// <summary>A new ID for someone of this district born in the given years.</summary>
    public string NewIdNumber(Random r, string districtCode, int bornFrom, int bornTo, bool male)
    {
        var county = PickCounty(r, districtCode);
        var from = new DateOnly(ClampBirthYear(bornFrom), 1, 1).DayNumber;
        var to = new DateOnly(ClampBirthYear(Math.Max(bornFrom, bornTo)), 12, 31).DayNumber;
        var day = from + r.Next(to - from + 1) - FirstBirthDay.DayNumber;
        for (var tries = 0; tries < Days; tries++, day = (day + 1) % Days)
        {
            var slot = ((county * Days) + day) * 2 + (male ? 1 : 0);
            if (_issued[slot] >= SequencesPerSex) continue;
            var sequence = _issued[slot]++ * 2 + (male ? 1 : 2);
            var birth = DateOnly.FromDayNumber(FirstBirthDay.DayNumber + day);
            var first17 = _counties[county] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                + sequence.ToString("D3", CultureInfo.InvariantCulture);
            return first17 + ResidentId.CheckCharacter(first17);
        }
        throw new InvalidOperationException(DemoTexts.IdNumbersExhausted);
    }

    public static string NewName(Random r, bool male)
    {
        var x = r.Next(SurnameTotal);
        var surname = Surnames[^1].Name;
        foreach (var (name, weight) in Surnames)
        {
            if (x < weight) { surname = name; break; }
            x -= weight;
        }
        var chars = male ? MaleChars : FemaleChars;
        var given = r.NextDouble() < 0.72
            ? new string([chars[r.Next(chars.Length)], chars[r.Next(chars.Length)]])
            : chars[r.Next(chars.Length)].ToString();
        return surname + given;
    }

    public static string NewPhone(Random r) =>
        PhonePrefixes[r.Next(PhonePrefixes.Length)] + r.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    private int PickCounty(Random r, string districtCode)
    {
        if (r.NextDouble() < 0.05 || !CountyCodes.TryGetValue(districtCode, out var codes))
            return _countyIndex[Elsewhere[r.Next(Elsewhere.Length)]];
        var x = r.Next(codes.Sum(c => c.Weight));
        foreach (var (code, weight) in codes)
        {
            if (x < weight) return _countyIndex[code];
            x -= weight;
        }
        return _countyIndex[codes[^1].Code];
    }
}

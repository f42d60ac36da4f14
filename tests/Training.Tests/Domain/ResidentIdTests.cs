using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>
/// GB 11643-1999 numbers. Every "good" number below has its check character computed with
/// ISO 7064 MOD 11-2 by hand, so a mistake in the algorithm cannot hide behind itself.
/// </summary>
public class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("440103199001011236", "1990-01-01", Sex.Male)]     // 17th digit 3: male
    [InlineData("440111197807040029", "1978-07-04", Sex.Female)]   // 17th digit 2: female
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]   // check character X
    [InlineData("44011119880709008X", "1988-07-09", Sex.Female)]   // check character X, Guangzhou
    [InlineData("440102198503152310", "1985-03-15", Sex.Male)]     // 440102 东山区, merged away in 2005: still valid
    [InlineData("810000198808080013", "1988-08-08", Sex.Male)]     // Hong Kong residence permit (81)
    [InlineData("440103202611241236", "2026-11-24", Sex.Male)]     // born today
    [InlineData("440103200002290033", "2000-02-29", Sex.Male)]     // leap day
    public void Should_accept_a_valid_number_and_derive_birth_date_and_sex(string text, string birth, Sex sex)
    {
        var ok = ResidentId.TryParse(text, Today, out var id, out var error);

        Assert.True(ok, error);
        Assert.Equal(text, id.Value);
        Assert.Equal(DateOnly.Parse(birth), id.BirthDate);
        Assert.Equal(sex, id.Sex);
    }

    [Fact]
    public void Should_accept_a_lower_case_x_and_store_it_upper_case()
    {
        var id = ResidentId.Parse(" 11010519491231002x ", Today);

        Assert.Equal("11010519491231002X", id.Value);
    }

    // Apart from the check-character rows, every number here carries the right check
    // character for its digits, so only the rule named by the key words is broken.
    [Theory]
    [InlineData("440103199001011235", "校验位错误", "“6”")]          // correct would be 6
    [InlineData("110105194912310020", "校验位错误", "“X”")]          // an X written as 0
    [InlineData("440103199002301235", "出生日期", "“19900230”", "不是有效日期")] // 30 February
    [InlineData("440103199013011233", "出生日期", "不是有效日期")]   // month 13
    [InlineData("440103189912311230", "出生日期", "不是有效日期")]   // before 1900
    [InlineData("440103202611251231", "出生日期", "“20261125”", "晚于今天")] // tomorrow
    [InlineData("440103203001011235", "出生日期", "晚于今天")]       // 2030
    [InlineData("990103199001011233", "省份代码", "“99”", "不存在")]  // no province 99
    [InlineData("100103199001011238", "省份代码", "“10”", "不存在")]
    [InlineData("720103199001011233", "省份代码", "“72”", "不存在")]  // between 71 and 81
    [InlineData("44010319900101123", "应为 18 位", "现为 17 位")]
    [InlineData("4401031990010112366", "应为 18 位", "现为 19 位")]
    [InlineData("4401031990O1011236", "前 17 位应全为数字")]          // a letter O for a zero
    [InlineData("44010319900101123Y", "最后一位应为数字或 X")]
    [InlineData("", "不能为空")]
    [InlineData("   ", "不能为空")]
    public void Should_reject_an_invalid_number_with_a_clear_message(string text, params string[] keyWords)
    {
        var ok = ResidentId.TryParse(text, Today, out _, out var error);

        Assert.False(ok);
        Assert.NotNull(error);
        Assert.StartsWith("身份证号", error);
        foreach (var word in keyWords) Assert.Contains(word, error);
    }

    [Fact]
    public void Should_reject_wrong_check_character()
    {
        var ex = Assert.Throws<DomainException>(() => ResidentId.Parse("440103199001011235", Today));

        Assert.Equal("身份证号校验位错误：最后一位应为“6”。", ex.Message);
    }

    [Fact]
    public void Should_reject_a_birth_date_in_the_future()
    {
        var ex = Assert.Throws<DomainException>(() => ResidentId.Parse("440103202611251231", Today));

        Assert.Equal("身份证号中的出生日期“20261125”晚于今天。", ex.Message);
    }

    [Theory]
    [InlineData("1101051949123100", '2', 'X')]
    [InlineData("4401031990010112", '3', '6')]
    [InlineData("4401021985031523", '1', '0')]
    public void Should_compute_the_MOD_11_2_check_character(string first16, char seventeenth, char expected)
    {
        Assert.Equal(expected, ResidentId.CheckCharacter(first16 + seventeenth));
    }

    [Theory]
    [InlineData("440103199001011236", "440103********1236")]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void Should_mask_all_but_the_first_six_and_last_four(string? id, string masked)
    {
        Assert.Equal(masked, ResidentId.Mask(id));
    }
}

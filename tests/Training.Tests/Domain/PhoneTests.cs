using Training.Core.Domain;

namespace Training.Tests.Domain;

public class PhoneTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    public void Should_normalise_a_mainland_mobile_number(string text, string expected)
    {
        Assert.Equal(expected, Phone.Normalize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_treat_a_blank_number_as_none(string? text)
    {
        Assert.Null(Phone.Normalize(text));
    }

    [Theory]
    [InlineData("1381234567")]    // 10 digits
    [InlineData("138123456789")]  // 12 digits
    [InlineData("23812345678")]   // does not start with 1
    [InlineData("020-83123456")]  // a landline
    [InlineData("1381234567a")]
    [InlineData("+8613812345678")]
    public void Should_reject_anything_but_11_digits_starting_with_1(string text)
    {
        var ex = Assert.Throws<DomainException>(() => Phone.Normalize(text));

        Assert.Contains("手机号应为以 1 开头的 11 位数字", ex.Message);
        Assert.Contains(text.Trim(), ex.Message);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void Should_mask_the_middle_four_digits(string? phone, string masked)
    {
        Assert.Equal(masked, Phone.Mask(phone));
    }
}

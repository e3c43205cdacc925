using WorkTrackr.Web.Features.Contacts;

namespace WorkTrackr.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("name@example.com", true)]
    [InlineData(" first.last+tag@sub.example.co.uk ", true)]
    [InlineData("", true)] // optional
    [InlineData("reception@bluebell", false)]
    [InlineData("no-at-sign.example.com", false)]
    [InlineData("two@@example.com", false)]
    [InlineData("Name <name@example.com>", false)]
    [InlineData("name@example.", false)]
    public void Email_addresses_need_one_address_with_a_dotted_domain(string value, bool valid) =>
        Assert.Equal(valid, new EmailFormatAttribute().IsValid(value));

    [Theory]
    [InlineData("+44 (0)20 7946 0958", true)]
    [InlineData("555-0100 ext. 12", true)]
    [InlineData("212.555.0147", true)]
    [InlineData("12345", false)] // too few digits
    [InlineData("call me", false)]
    [InlineData("555-0100; drop table", false)]
    public void Phone_numbers_are_digits_with_the_usual_punctuation(string value, bool valid) =>
        Assert.Equal(valid, ContactRules.IsPhone(value));
}

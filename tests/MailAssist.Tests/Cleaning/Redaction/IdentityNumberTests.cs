using MailAssist.Api.Cleaning.Redaction;
using MailAssist.Tests.Privacy;

namespace MailAssist.Tests.Cleaning.Redaction;

public sealed class IdentityNumberTests
{
    private static readonly DateOnly Birth = new(1985, 3, 17);

    private static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData(NorwegianNumbers.Fodselsnummer(Birth), PersonalDataKind.Fodselsnummer).SetName("Fodselsnummer_is_valid");
        yield return new TestCaseData(NorwegianNumbers.DNummer(Birth), PersonalDataKind.DNummer).SetName("D_nummer_with_day_plus_40_is_valid");
        yield return new TestCaseData(NorwegianNumbers.HNummer(Birth), PersonalDataKind.HNummer).SetName("H_nummer_with_month_plus_40_is_valid");
        yield return new TestCaseData(NorwegianNumbers.Fodselsnummer(new DateOnly(2000, 2, 29)), PersonalDataKind.Fodselsnummer).SetName("Leap_day_is_a_valid_date");
        for (var remainder = 1; remainder <= 3; remainder++)
        {
            yield return new TestCaseData(NorwegianNumbers.Fodselsnummer(Birth, remainder: remainder), PersonalDataKind.Fodselsnummer)
                .SetName($"Scheme_from_2032_first_check_digit_with_remainder_{remainder}_is_valid");
            yield return new TestCaseData(NorwegianNumbers.DNummer(Birth, remainder: remainder), PersonalDataKind.DNummer)
                .SetName($"Scheme_from_2032_D_nummer_with_remainder_{remainder}_is_valid");
        }
        // Skatteetaten's worked examples for the scheme from 2032.
        foreach (var example in new[] { "02013299997", "02013299903", "30108299920", "30108299939" })
            yield return new TestCaseData(example, PersonalDataKind.Fodselsnummer).SetName($"Skatteetaten_example_{example}_is_valid");
    }

    [TestCaseSource(nameof(Valid))]
    public void Valid_identity_number_is_recognised_with_its_kind(string number, PersonalDataKind kind)
    {
        Assert.That(IdentityNumbers.Classify(number), Is.EqualTo(kind));
    }

    private static IEnumerable<TestCaseData> Invalid()
    {
        var valid = NorwegianNumbers.Fodselsnummer(Birth);
        yield return new TestCaseData(NorwegianNumbers.WithWrongLastDigit(valid)).SetName("Wrong_second_check_digit_is_invalid");
        yield return new TestCaseData(NorwegianNumbers.Fodselsnummer(Birth, remainder: 4)).SetName("First_check_digit_with_remainder_4_is_invalid_even_after_2032");
        yield return new TestCaseData("32018512345").SetName("Day_32_is_invalid");
        yield return new TestCaseData("17138512345").SetName("Month_13_is_invalid");
        yield return new TestCaseData("31048500000").SetName("April_31_is_invalid");
        yield return new TestCaseData("0101851234").SetName("Ten_digits_are_invalid");
        yield return new TestCaseData("0101851234a").SetName("Letter_is_invalid");
    }

    [TestCaseSource(nameof(Invalid))]
    public void Invalid_identity_number_is_not_recognised(string number)
    {
        Assert.That(IdentityNumbers.Classify(number), Is.Null);
    }

    [Test]
    public void Every_generated_number_is_recognised()
    {
        Assert.That(NorwegianNumbers.Many(2_000, seed: 7).Where(n => IdentityNumbers.Classify(n) is null), Is.Empty);
    }

    [TestCase("12345678903", true)]
    [TestCase("86011117947", true)]
    [TestCase("12345678904", false)]
    [TestCase("1234567890", false)]
    public void Account_number_check_digit_is_modulus_11(string number, bool valid)
    {
        Assert.That(AccountNumbers.IsValid(number), Is.EqualTo(valid));
    }
}

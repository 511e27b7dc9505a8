/*
 * Calendar dates as days since 1970-01-01, proleptic Gregorian. The
 * conversions are Howard Hinnant's days_from_civil / civil_from_days
 * (http://howardhinnant.github.io/date_algorithms.html), exact for every
 * year in range.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
};

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static nw_date days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                                     /* [0, 399] */
    int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;   /* [0, 365] */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             /* [0, 146096] */
    return (nw_date)(era * 146097 + doe - 719468);
}

static void civil_from_days(int *year, int *month, int *day, nw_date date)
{
    int z = (int)date + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;                                        /* [0, 146096] */
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;   /* [0, 399] */
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                 /* [0, 365] */
    int mp = (5 * doy + 2) / 153;                                      /* [0, 11] */
    int m = mp < 10 ? mp + 3 : mp - 9;
    *day = doy - (153 * mp + 2) / 5 + 1;
    *month = m;
    *year = yoe + era * 400 + (m <= 2);
}

/* Write "YYYY-MM-DD" and a NUL into buf (NW_DATE_BUFSIZE bytes) for a
 * valid date. */
static void put_date(char *buf, nw_date date)
{
    int y, m, d;
    civil_from_days(&y, &m, &d, date);
    const int parts[3][2] = { { y, 4 }, { m, 2 }, { d, 2 } };
    char *p = buf;
    for (int i = 0; i < 3; i++) {
        if (i > 0)
            *p++ = '-';
        for (int k = parts[i][1] - 1, v = parts[i][0]; k >= 0; k--, v /= 10)
            p[k] = (char)('0' + v % 10);
        p += parts[i][1];
    }
    *p = '\0';
}

/* Check year, month and day; `label` starts the message ("date '...'" or
 * "date 2026-02-30"). */
static int check_ymd(int y, int m, int d, const char *label)
{
    if (y < 1 || y > 9999)
        return nw_fail(NW_EINVAL, "%s: year %d is out of range (1 to 9999)", label, y);
    if (m < 1 || m > 12)
        return nw_fail(NW_EINVAL, "%s: month %d does not exist", label, m);
    if (d < 1)
        return nw_fail(NW_EINVAL, "%s: day %d does not exist", label, d);
    int dim = days_in_month(y, m);
    if (d > dim)
        return nw_fail(NW_EINVAL, "%s: %s %d has %d days", label, month_names[m - 1], y, dim);
    return NW_OK;
}

bool nw_date_is_valid(nw_date date)
{
    return date >= NW_DATE_MIN && date <= NW_DATE_MAX;
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int number(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Parsing is on the path of every date a file holds: the message (quoting
 * the text costs about a thousand instructions) is built only on failure. */
int nw_date_parse(nw_date *out, const char *text)
{
    char q[NW_QUOTE_SIZE], label[NW_QUOTE_SIZE + 16];
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (text == NULL)
        return nw_fail(NW_EINVAL, "text is NULL");
    /* Look at most 11 bytes: enough to tell "exactly ten" from "more". */
    size_t len = 0;
    while (len < 11 && text[len] != '\0')
        len++;
    if (len != 10 || !digits(text, 4) || text[4] != '-' || !digits(text + 5, 2)
        || text[7] != '-' || !digits(text + 8, 2))
        return nw_fail(NW_EINVAL, "date '%s' is not of the form YYYY-MM-DD", nw_quote(q, text));
    int y = number(text, 4), m = number(text + 5, 2), d = number(text + 8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
        snprintf(label, sizeof label, "date '%s'", nw_quote(q, text));
        return check_ymd(y, m, d, label);
    }
    *out = days_from_civil(y, m, d);
    return NW_OK;
}

int nw_date_from_ymd(nw_date *out, int year, int month, int day)
{
    char label[64];
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1
        || day > days_in_month(year, month)) {
        snprintf(label, sizeof label, "date %d-%d-%d", year, month, day);
        return check_ymd(year, month, day, label);
    }
    *out = days_from_civil(year, month, day);
    return NW_OK;
}

int nw_check_date(nw_date date, const char *what)
{
    if (date == NW_DATE_NONE)
        return nw_fail(NW_EINVAL, "%s is NW_DATE_NONE, a date is needed", what);
    if (!nw_date_is_valid(date))
        return nw_fail(NW_EINVAL, "%s %ld is out of range (%ld to %ld, 0001-01-01 to 9999-12-31)",
                       what, (long)date, (long)NW_DATE_MIN, (long)NW_DATE_MAX);
    return NW_OK;
}

int nw_check_date_or_none(nw_date date, const char *what)
{
    return date == NW_DATE_NONE ? NW_OK : nw_check_date(date, what);
}

int nw_date_to_ymd(int *year, int *month, int *day, nw_date date)
{
    if (year == NULL)
        return nw_fail(NW_EINVAL, "year is NULL");
    if (month == NULL)
        return nw_fail(NW_EINVAL, "month is NULL");
    if (day == NULL)
        return nw_fail(NW_EINVAL, "day is NULL");
    int rc = nw_check_date(date, "date");
    if (rc != NW_OK)
        return rc;
    civil_from_days(year, month, day, date);
    return NW_OK;
}

const char *nw_date_str(char buf[NW_DATE_BUFSIZE], nw_date date)
{
    if (date == NW_DATE_NONE)
        memcpy(buf, "none", sizeof "none");
    else if (!nw_date_is_valid(date))
        memcpy(buf, "invalid", sizeof "invalid");
    else
        put_date(buf, date);
    return buf;
}

int nw_date_format(char *buf, size_t size, nw_date date)
{
    if (buf == NULL)
        return nw_fail(NW_EINVAL, "buf is NULL");
    if (size < NW_DATE_BUFSIZE)
        return nw_fail(NW_EINVAL, "size %zu is too small (at least %d)", size, NW_DATE_BUFSIZE);
    int rc = nw_check_date(date, "date");
    if (rc != NW_OK)
        return rc;
    put_date(buf, date);
    return NW_OK;
}

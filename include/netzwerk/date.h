/**
 * @file netzwerk/date.h
 * @brief Calendar dates: parsing, building, formatting.
 *
 * An ::nw_date counts days since 1970-01-01 in the proleptic Gregorian
 * calendar, so `b - a` is the number of days from `a` to `b` and `d + 7`
 * is a week later. Valid dates lie between 0001-01-01 (::NW_DATE_MIN) and
 * 9999-12-31 (::NW_DATE_MAX); ::NW_DATE_NONE means "no date".
 *
 * The library never reads the clock: "today" is always an argument.
 */
#ifndef NETZWERK_DATE_H
#define NETZWERK_DATE_H

#include "netzwerk/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** 0001-01-01, the earliest valid date. */
#define NW_DATE_MIN ((nw_date)-719162)
/** 9999-12-31, the latest valid date. */
#define NW_DATE_MAX ((nw_date)2932896)
/** Bytes needed to format a date: "YYYY-MM-DD" and the terminating NUL. */
#define NW_DATE_BUFSIZE 11

/**
 * @brief Parse an ISO 8601 calendar date of the form `YYYY-MM-DD`.
 *
 * Exactly ten characters: a four-digit year from 0001 to 9999, a two-digit
 * month and a two-digit day that exists in that month (leap years counted).
 *
 * @param[out] out  The date.
 * @param text      The text; not kept.
 * @return ::NW_OK; ::NW_EINVAL if @p out or @p text is NULL, the text is not
 *         of the form `YYYY-MM-DD`, or the day does not exist (`2026-02-30`),
 *         with nw_errmsg() saying which.
 */
NW_API int nw_date_parse(nw_date *out, const char *text);

/**
 * @brief Build a date from year, month and day.
 * @param[out] out  The date.
 * @param year      1 to 9999.
 * @param month     1 to 12.
 * @param day       1 to the number of days of that month.
 * @return ::NW_OK; ::NW_EINVAL if @p out is NULL or the day does not exist.
 */
NW_API int nw_date_from_ymd(nw_date *out, int year, int month, int day);

/**
 * @brief Split a date into year, month and day.
 * @param[out] year   1 to 9999.
 * @param[out] month  1 to 12.
 * @param[out] day    1 to 31.
 * @param date        A valid date.
 * @return ::NW_OK; ::NW_EINVAL if an output is NULL or @p date is out of
 *         range (including ::NW_DATE_NONE).
 */
NW_API int nw_date_to_ymd(int *year, int *month, int *day, nw_date date);

/**
 * @brief Format a date as `YYYY-MM-DD`.
 * @param[out] buf  Receives the text and a terminating NUL.
 * @param size      Size of @p buf; at least ::NW_DATE_BUFSIZE.
 * @param date      A valid date.
 * @return ::NW_OK; ::NW_EINVAL if @p buf is NULL, @p size is too small or
 *         @p date is out of range (including ::NW_DATE_NONE).
 */
NW_API int nw_date_format(char *buf, size_t size, nw_date date);

/**
 * @brief Whether a value is a valid date (between ::NW_DATE_MIN and ::NW_DATE_MAX).
 * @param date Any value.
 * @return true for a valid date; false otherwise, including ::NW_DATE_NONE.
 *         Sets no error.
 */
NW_API bool nw_date_is_valid(nw_date date);

#ifdef __cplusplus
}
#endif

#endif

/*
 * qpdfdl.h -- libqpdf's C API, opened with dlopen on first use instead of
 * linked (internal to src/post/).
 *
 * libqpdf (C++) and what it brings (libgnutls with its ASN.1 tables,
 * nettle, gmp, p11-kit, ...) were a third of the symbol binding every
 * cold folio start paid before main, although only the post stage uses
 * them: `folio render` now opens the library on a background thread while
 * the stylesheet compiles (folio_qpdf_preload), `validate` and
 * `transform` never do.  Including this header after <qpdf/qpdf-c.h>
 * turns every qpdf_xxx(...) call of the post stage into a call through
 * the function pointer folio_qpdf.xxx, with qpdf's own prototypes, so the
 * calls are type-checked as if linked.  Add a function to FOLIO_QPDF_FNS
 * before using it.
 */
#ifndef FOLIO_POST_QPDFDL_H
#define FOLIO_POST_QPDFDL_H

#include <qpdf/qpdf-c.h>
#include <stdbool.h>

#define FOLIO_QPDF_FNS(X) \
	X(qpdf_cleanup) \
	X(qpdf_get_buffer) \
	X(qpdf_get_buffer_length) \
	X(qpdf_get_error) \
	X(qpdf_get_error_message_detail) \
	X(qpdf_get_num_pages) \
	X(qpdf_get_object_by_id) \
	X(qpdf_get_page_n) \
	X(qpdf_get_qpdf_version) \
	X(qpdf_get_root) \
	X(qpdf_get_trailer) \
	X(qpdf_has_error) \
	X(qpdf_init) \
	X(qpdf_init_write_memory) \
	X(qpdf_make_indirect_object) \
	X(qpdf_more_warnings) \
	X(qpdf_next_warning) \
	X(qpdf_oh_append_item) \
	X(qpdf_oh_begin_dict_key_iter) \
	X(qpdf_oh_copy_foreign_object) \
	X(qpdf_oh_dict_more_keys) \
	X(qpdf_oh_dict_next_key) \
	X(qpdf_oh_get_array_item) \
	X(qpdf_oh_get_array_n_items) \
	X(qpdf_oh_get_bool_value) \
	X(qpdf_oh_get_dict) \
	X(qpdf_oh_get_int_value_as_int) \
	X(qpdf_oh_get_key) \
	X(qpdf_oh_get_name) \
	X(qpdf_oh_get_numeric_value) \
	X(qpdf_oh_get_object_id) \
	X(qpdf_oh_get_page_content_data) \
	X(qpdf_oh_get_stream_data) \
	X(qpdf_oh_get_utf8_value) \
	X(qpdf_oh_has_key) \
	X(qpdf_oh_is_array) \
	X(qpdf_oh_is_bool) \
	X(qpdf_oh_is_dictionary) \
	X(qpdf_oh_is_indirect) \
	X(qpdf_oh_is_integer) \
	X(qpdf_oh_is_name) \
	X(qpdf_oh_is_name_and_equals) \
	X(qpdf_oh_is_null) \
	X(qpdf_oh_is_stream) \
	X(qpdf_oh_is_string) \
	X(qpdf_oh_new_array) \
	X(qpdf_oh_new_bool) \
	X(qpdf_oh_new_dictionary) \
	X(qpdf_oh_new_integer) \
	X(qpdf_oh_new_name) \
	X(qpdf_oh_new_null) \
	X(qpdf_oh_new_real_from_double) \
	X(qpdf_oh_new_stream) \
	X(qpdf_oh_new_string) \
	X(qpdf_oh_new_unicode_string) \
	X(qpdf_oh_parse) \
	X(qpdf_oh_remove_key) \
	X(qpdf_oh_replace_key) \
	X(qpdf_oh_replace_stream_data) \
	X(qpdf_oh_unparse) \
	X(qpdf_oh_unparse_resolved) \
	X(qpdf_read) \
	X(qpdf_read_memory) \
	X(qpdf_set_compress_streams) \
	X(qpdf_set_deterministic_ID) \
	X(qpdf_set_minimum_pdf_version) \
	X(qpdf_set_newline_before_endstream) \
	X(qpdf_set_object_stream_mode) \
	X(qpdf_set_suppress_warnings) \
	X(qpdf_silence_errors) \
	X(qpdf_write) \

struct folio_qpdf_api {
#define FOLIO_QPDF_PTR(f) __typeof__(f) *f;
	FOLIO_QPDF_FNS(FOLIO_QPDF_PTR)
#undef FOLIO_QPDF_PTR
};
extern struct folio_qpdf_api folio_qpdf;

/* Opens libqpdf once per process (any thread; later callers wait for the
 * first).  false, with the reason in *why (static text or dlerror's), when
 * it cannot be opened or lacks a function. */
bool folio_qpdf_load(const char **why);

#ifndef FOLIO_QPDF_NO_MACROS
#define qpdf_cleanup (*folio_qpdf.qpdf_cleanup)
#define qpdf_get_buffer (*folio_qpdf.qpdf_get_buffer)
#define qpdf_get_buffer_length (*folio_qpdf.qpdf_get_buffer_length)
#define qpdf_get_error (*folio_qpdf.qpdf_get_error)
#define qpdf_get_error_message_detail (*folio_qpdf.qpdf_get_error_message_detail)
#define qpdf_get_num_pages (*folio_qpdf.qpdf_get_num_pages)
#define qpdf_get_object_by_id (*folio_qpdf.qpdf_get_object_by_id)
#define qpdf_get_page_n (*folio_qpdf.qpdf_get_page_n)
#define qpdf_get_qpdf_version (*folio_qpdf.qpdf_get_qpdf_version)
#define qpdf_get_root (*folio_qpdf.qpdf_get_root)
#define qpdf_get_trailer (*folio_qpdf.qpdf_get_trailer)
#define qpdf_has_error (*folio_qpdf.qpdf_has_error)
#define qpdf_init (*folio_qpdf.qpdf_init)
#define qpdf_init_write_memory (*folio_qpdf.qpdf_init_write_memory)
#define qpdf_make_indirect_object (*folio_qpdf.qpdf_make_indirect_object)
#define qpdf_more_warnings (*folio_qpdf.qpdf_more_warnings)
#define qpdf_next_warning (*folio_qpdf.qpdf_next_warning)
#define qpdf_oh_append_item (*folio_qpdf.qpdf_oh_append_item)
#define qpdf_oh_begin_dict_key_iter (*folio_qpdf.qpdf_oh_begin_dict_key_iter)
#define qpdf_oh_copy_foreign_object (*folio_qpdf.qpdf_oh_copy_foreign_object)
#define qpdf_oh_dict_more_keys (*folio_qpdf.qpdf_oh_dict_more_keys)
#define qpdf_oh_dict_next_key (*folio_qpdf.qpdf_oh_dict_next_key)
#define qpdf_oh_get_array_item (*folio_qpdf.qpdf_oh_get_array_item)
#define qpdf_oh_get_array_n_items (*folio_qpdf.qpdf_oh_get_array_n_items)
#define qpdf_oh_get_bool_value (*folio_qpdf.qpdf_oh_get_bool_value)
#define qpdf_oh_get_dict (*folio_qpdf.qpdf_oh_get_dict)
#define qpdf_oh_get_int_value_as_int (*folio_qpdf.qpdf_oh_get_int_value_as_int)
#define qpdf_oh_get_key (*folio_qpdf.qpdf_oh_get_key)
#define qpdf_oh_get_name (*folio_qpdf.qpdf_oh_get_name)
#define qpdf_oh_get_numeric_value (*folio_qpdf.qpdf_oh_get_numeric_value)
#define qpdf_oh_get_object_id (*folio_qpdf.qpdf_oh_get_object_id)
#define qpdf_oh_get_page_content_data (*folio_qpdf.qpdf_oh_get_page_content_data)
#define qpdf_oh_get_stream_data (*folio_qpdf.qpdf_oh_get_stream_data)
#define qpdf_oh_get_utf8_value (*folio_qpdf.qpdf_oh_get_utf8_value)
#define qpdf_oh_has_key (*folio_qpdf.qpdf_oh_has_key)
#define qpdf_oh_is_array (*folio_qpdf.qpdf_oh_is_array)
#define qpdf_oh_is_bool (*folio_qpdf.qpdf_oh_is_bool)
#define qpdf_oh_is_dictionary (*folio_qpdf.qpdf_oh_is_dictionary)
#define qpdf_oh_is_indirect (*folio_qpdf.qpdf_oh_is_indirect)
#define qpdf_oh_is_integer (*folio_qpdf.qpdf_oh_is_integer)
#define qpdf_oh_is_name (*folio_qpdf.qpdf_oh_is_name)
#define qpdf_oh_is_name_and_equals (*folio_qpdf.qpdf_oh_is_name_and_equals)
#define qpdf_oh_is_null (*folio_qpdf.qpdf_oh_is_null)
#define qpdf_oh_is_stream (*folio_qpdf.qpdf_oh_is_stream)
#define qpdf_oh_is_string (*folio_qpdf.qpdf_oh_is_string)
#define qpdf_oh_new_array (*folio_qpdf.qpdf_oh_new_array)
#define qpdf_oh_new_bool (*folio_qpdf.qpdf_oh_new_bool)
#define qpdf_oh_new_dictionary (*folio_qpdf.qpdf_oh_new_dictionary)
#define qpdf_oh_new_integer (*folio_qpdf.qpdf_oh_new_integer)
#define qpdf_oh_new_name (*folio_qpdf.qpdf_oh_new_name)
#define qpdf_oh_new_null (*folio_qpdf.qpdf_oh_new_null)
#define qpdf_oh_new_real_from_double (*folio_qpdf.qpdf_oh_new_real_from_double)
#define qpdf_oh_new_stream (*folio_qpdf.qpdf_oh_new_stream)
#define qpdf_oh_new_string (*folio_qpdf.qpdf_oh_new_string)
#define qpdf_oh_new_unicode_string (*folio_qpdf.qpdf_oh_new_unicode_string)
#define qpdf_oh_parse (*folio_qpdf.qpdf_oh_parse)
#define qpdf_oh_remove_key (*folio_qpdf.qpdf_oh_remove_key)
#define qpdf_oh_replace_key (*folio_qpdf.qpdf_oh_replace_key)
#define qpdf_oh_replace_stream_data (*folio_qpdf.qpdf_oh_replace_stream_data)
#define qpdf_oh_unparse (*folio_qpdf.qpdf_oh_unparse)
#define qpdf_oh_unparse_resolved (*folio_qpdf.qpdf_oh_unparse_resolved)
#define qpdf_read (*folio_qpdf.qpdf_read)
#define qpdf_read_memory (*folio_qpdf.qpdf_read_memory)
#define qpdf_set_compress_streams (*folio_qpdf.qpdf_set_compress_streams)
#define qpdf_set_deterministic_ID (*folio_qpdf.qpdf_set_deterministic_ID)
#define qpdf_set_minimum_pdf_version (*folio_qpdf.qpdf_set_minimum_pdf_version)
#define qpdf_set_newline_before_endstream (*folio_qpdf.qpdf_set_newline_before_endstream)
#define qpdf_set_object_stream_mode (*folio_qpdf.qpdf_set_object_stream_mode)
#define qpdf_set_suppress_warnings (*folio_qpdf.qpdf_set_suppress_warnings)
#define qpdf_silence_errors (*folio_qpdf.qpdf_silence_errors)
#define qpdf_write (*folio_qpdf.qpdf_write)
#endif

#endif

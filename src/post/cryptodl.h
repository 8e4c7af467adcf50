/*
 * cryptodl.h -- the part of OpenSSL's libcrypto `folio sign` uses, opened
 * with dlopen on first use instead of linked (internal to src/post/).
 *
 * libcrypto binds about 4,200 symbols when it is loaded; only signing
 * needs it, so the other commands no longer pay that at start.  Including
 * this header after the OpenSSL headers turns each call into a call
 * through folio_crypto's pointer of the same name, with OpenSSL's own
 * prototypes (macros such as OPENSSL_free and sk_X509_pop_free expand to
 * names in this list).  Add a function to FOLIO_CRYPTO_FNS before using it.
 */
#ifndef FOLIO_POST_CRYPTODL_H
#define FOLIO_POST_CRYPTODL_H

#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <stdbool.h>

#define FOLIO_CRYPTO_FNS(X) \
	X(ASN1_INTEGER_to_BN) \
	X(ASN1_STRING_to_UTF8) \
	X(ASN1_TIME_to_tm) \
	X(BIO_free) \
	X(BIO_new_mem_buf) \
	X(BN_bn2hex) \
	X(BN_free) \
	X(CMS_ContentInfo_free) \
	X(CMS_add1_signer) \
	X(CMS_final) \
	X(CMS_sign) \
	X(CMS_signed_add1_attr_by_NID) \
	X(CRYPTO_free) \
	X(ERR_get_error) \
	X(ERR_reason_error_string) \
	X(ESS_SIGNING_CERT_V2_free) \
	X(EVP_PKEY_free) \
	X(EVP_PKEY_is_a) \
	X(EVP_get_digestbyname) \
	X(EVP_sha256) \
	X(OPENSSL_sk_pop_free) \
	X(OSSL_ESS_signing_cert_v2_new_init) \
	X(PKCS12_free) \
	X(PKCS12_parse) \
	X(X509_NAME_ENTRY_get_data) \
	X(X509_NAME_get_entry) \
	X(X509_NAME_get_index_by_NID) \
	X(X509_NAME_oneline) \
	X(X509_free) \
	X(X509_get0_notAfter) \
	X(X509_get0_notBefore) \
	X(X509_get0_serialNumber) \
	X(X509_get_subject_name) \
	X(d2i_PKCS12_fp) \
	X(i2d_CMS_ContentInfo) \
	X(i2d_ESS_SIGNING_CERT_V2) \

struct folio_crypto_api {
#define FOLIO_CRYPTO_PTR(f) __typeof__(f) *f;
	FOLIO_CRYPTO_FNS(FOLIO_CRYPTO_PTR)
#undef FOLIO_CRYPTO_PTR
};
extern struct folio_crypto_api folio_crypto;

/* Opens libcrypto once per process.  false, with the reason in *why, when
 * it cannot be opened or lacks a function. */
bool folio_crypto_load(const char **why);

#ifndef FOLIO_CRYPTO_NO_MACROS
#define ASN1_INTEGER_to_BN (*folio_crypto.ASN1_INTEGER_to_BN)
#define ASN1_STRING_to_UTF8 (*folio_crypto.ASN1_STRING_to_UTF8)
#define ASN1_TIME_to_tm (*folio_crypto.ASN1_TIME_to_tm)
#define BIO_free (*folio_crypto.BIO_free)
#define BIO_new_mem_buf (*folio_crypto.BIO_new_mem_buf)
#define BN_bn2hex (*folio_crypto.BN_bn2hex)
#define BN_free (*folio_crypto.BN_free)
#define CMS_ContentInfo_free (*folio_crypto.CMS_ContentInfo_free)
#define CMS_add1_signer (*folio_crypto.CMS_add1_signer)
#define CMS_final (*folio_crypto.CMS_final)
#define CMS_sign (*folio_crypto.CMS_sign)
#define CMS_signed_add1_attr_by_NID (*folio_crypto.CMS_signed_add1_attr_by_NID)
#define CRYPTO_free (*folio_crypto.CRYPTO_free)
#define ERR_get_error (*folio_crypto.ERR_get_error)
#define ERR_reason_error_string (*folio_crypto.ERR_reason_error_string)
#define ESS_SIGNING_CERT_V2_free (*folio_crypto.ESS_SIGNING_CERT_V2_free)
#define EVP_PKEY_free (*folio_crypto.EVP_PKEY_free)
#define EVP_PKEY_is_a (*folio_crypto.EVP_PKEY_is_a)
#define EVP_get_digestbyname (*folio_crypto.EVP_get_digestbyname)
#define EVP_sha256 (*folio_crypto.EVP_sha256)
#define OPENSSL_sk_pop_free (*folio_crypto.OPENSSL_sk_pop_free)
#define OSSL_ESS_signing_cert_v2_new_init (*folio_crypto.OSSL_ESS_signing_cert_v2_new_init)
#define PKCS12_free (*folio_crypto.PKCS12_free)
#define PKCS12_parse (*folio_crypto.PKCS12_parse)
#define X509_NAME_ENTRY_get_data (*folio_crypto.X509_NAME_ENTRY_get_data)
#define X509_NAME_get_entry (*folio_crypto.X509_NAME_get_entry)
#define X509_NAME_get_index_by_NID (*folio_crypto.X509_NAME_get_index_by_NID)
#define X509_NAME_oneline (*folio_crypto.X509_NAME_oneline)
#define X509_free (*folio_crypto.X509_free)
#define X509_get0_notAfter (*folio_crypto.X509_get0_notAfter)
#define X509_get0_notBefore (*folio_crypto.X509_get0_notBefore)
#define X509_get0_serialNumber (*folio_crypto.X509_get0_serialNumber)
#define X509_get_subject_name (*folio_crypto.X509_get_subject_name)
#define d2i_PKCS12_fp (*folio_crypto.d2i_PKCS12_fp)
#define i2d_CMS_ContentInfo (*folio_crypto.i2d_CMS_ContentInfo)
#define i2d_ESS_SIGNING_CERT_V2 (*folio_crypto.i2d_ESS_SIGNING_CERT_V2)
#endif

#endif

/**
 * Upload, download, listing and deletion of data files.
 */
package io.caesarrest.api.file;
